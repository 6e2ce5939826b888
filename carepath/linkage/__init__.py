"""Privacy-preserving record linkage: duplicate support found across institutions without sharing names.

Each institution encodes its records locally (`encoding.encode`, keyed with a secret the participating
institutions share); the matcher (`matcher.match`) sees only the encodings, a record key, the institution,
the kind of support and the period. The threat model is in docs/privacy-linkage.md.
"""
