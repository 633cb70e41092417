"""SQLCipher 4's pages read and written in memory, so a protected file's backup can be cut into
plaintext pieces (which deduplicate and compress) without a plaintext copy ever reaching the disk.

The layouts are those of `cipher.LAYOUTS`: 16 KiB pages, AES-256-CBC with the raw key, a random IV
per page write. A page on disk is `[salt (page 1 only)] ciphertext IV [HMAC] [padding]`: the codec's
reserve at the end of each page holds the IV (16 bytes) and, in the HMAC layouts, the HMAC of the
ciphertext, the IV and the page number (little-endian), keyed with PBKDF2-HMAC-SHA512(key, salt
XOR 0x3a, 2 rounds), rounded up to whole AES blocks. (Checked against files SQLCipher made: see
tests/test_backup_protected.py, which restores every layout and opens it with SQLCipher.)
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

PAGE = 16384  # cipher_page_size of every layout
HEADER = b"SQLite format 3\x00"
SALT = 16
IV = 16
_HMAC_KEYS: dict[tuple[bytes, bytes], bytes] = {}
_HMACS = {"no_hmac": None, "hmac_sha1": "sha1", "hmac_sha256": "sha256", "hmac": "sha512"}


@dataclass(frozen=True)
class PageCodec:
    key: bytes
    salt: bytes
    layout: str

    @property
    def reserve(self) -> int:
        """The codec's bytes at the end of each page (IV and HMAC, in whole AES blocks)."""
        algorithm = _HMACS[self.layout]
        size = IV + (hashlib.new(algorithm).digest_size if algorithm else 0)
        return -(-size // 16) * 16

    def _hmac_key(self) -> bytes:
        found = _HMAC_KEYS.get((self.key, self.salt))
        if found is None:
            found = hashlib.pbkdf2_hmac("sha512", self.key, bytes(b ^ 0x3A for b in self.salt), 2, 32)
            _HMAC_KEYS[(self.key, self.salt)] = found
        return found

    def decrypt(self, page: bytes, number: int) -> bytes:
        """The plaintext page (its codec reserve zeroed, so an unchanged page reads the same each time)."""
        if len(page) != PAGE:
            raise ValueError(f"page {number} is {len(page)} bytes")
        end = PAGE - self.reserve
        start = SALT if number == 1 else 0
        decryptor = Cipher(algorithms.AES(self.key), modes.CBC(page[end : end + IV])).decryptor()
        body = decryptor.update(page[start:end]) + decryptor.finalize()
        return (HEADER if number == 1 else b"") + body + bytes(self.reserve)

    def encrypt(self, plain: bytes, number: int) -> bytes:
        """The page as SQLCipher writes it (a fresh IV; the HMAC when the layout has one)."""
        if len(plain) != PAGE:
            raise ValueError(f"page {number} is {len(plain)} bytes")
        end = PAGE - self.reserve
        start = SALT if number == 1 else 0
        iv = secrets.token_bytes(IV)
        encryptor = Cipher(algorithms.AES(self.key), modes.CBC(iv)).encryptor()
        body = encryptor.update(plain[start:end]) + encryptor.finalize()
        tail = iv
        algorithm = _HMACS[self.layout]
        if algorithm:
            tail += hmac.new(self._hmac_key(), body + iv + number.to_bytes(4, "little"), algorithm).digest()
        tail += secrets.token_bytes(self.reserve - len(tail))
        return (self.salt if number == 1 else b"") + body + tail

    def looks_right(self, first_plain: bytes, application_id: int) -> bool:
        """Page 1 decrypted to a gridboard file's header (the key and the layout are the file's)."""
        return (
            first_plain[:16] == HEADER
            and int.from_bytes(first_plain[16:18], "big") == PAGE
            and int.from_bytes(first_plain[68:72], "big", signed=True) == application_id
        )
