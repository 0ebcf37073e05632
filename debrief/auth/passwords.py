"""Password hashing with Argon2id (a memory-hard KDF)."""
from __future__ import annotations

from argon2 import Parameters, PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

_hasher = PasswordHasher()  # argon2-cffi's RFC 9106 low-memory profile
# Verified against when no account matches, so a wrong email costs the same time as a wrong password.
_DUMMY_HASH = _hasher.hash("not-a-real-password")


def use_parameters(parameters: Parameters) -> None:
    """Swap the hashing cost: the test suite uses a cheap profile so it can make hundreds of users."""
    global _hasher, _DUMMY_HASH
    _hasher = PasswordHasher.from_parameters(parameters)
    _DUMMY_HASH = _hasher.hash("not-a-real-password")

MIN_LENGTH = 12


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


# The rule, said wherever a password is chosen (changing one's own, an administrator's temporary one). A password is
# kept exactly as typed (never trimmed: NCSC advises allowing any character), but spaces do not make it longer
# ("a" and eleven spaces is one character), and one may not start or end with a space: it cannot be seen, and is
# lost when a temporary password is read out or copied.
RULE = (f"{MIN_LENGTH} characters or more, not counting spaces. Spaces between words are fine; do not start or end "
        "with one.")


def password_problem(password: str) -> str | None:
    """A GOV.UK-style message when a new password is too weak, else None."""
    if not password.strip():
        # Twelve spaces pass a length rule and are guessed at once.
        return "Enter a password that is not only spaces" if password else "Enter a password"
    if password != password.strip():
        return "Password must not start or end with a space"
    if sum(not c.isspace() for c in password) < MIN_LENGTH:
        return f"Password must be {MIN_LENGTH} characters or more, not counting spaces"
    if len(password) > 256:
        return "Password must be 256 characters or fewer"
    if password.lower() in {"password1234", "passwordpassword", "123456789012"}:
        return "Choose a password that is harder to guess"
    return None
