"""Shell commands that re-send a push with exactly the bytes received.

bash: `printf '%s' $'…' | curl --data-binary @-`. A here-doc would be easier
to read but always appends a newline, which changes the body (and its dedupe
hash when there is no _id). In $'…' only backslash, the quote and control
bytes need escaping; UTF-8 text (CJK names) stays readable.
PowerShell: the body as base64, the only quoting that survives every code
page and line-ending conversion of a Windows console.
"""
from __future__ import annotations

import base64


def _ansi_c_quote(data: bytes) -> str:
    """bash's $'…' for `data`. A body that is not UTF-8 gets every non-ASCII byte
    escaped too, so the shell's locale cannot alter it. (A NUL byte cannot be
    passed this way: no JSON body contains one.)"""
    try:
        text, escape_above = data.decode("utf-8"), 0x10FFFF
    except UnicodeDecodeError:
        text, escape_above = data.decode("latin-1"), 0x7F
    parts = []
    for char in text:
        code = ord(char)
        if char in "\\'":
            parts.append("\\" + char)
        elif code < 0x20 or code == 0x7F or code > escape_above:
            parts.append("\\x{:02x}".format(code))
        else:
            parts.append(char)
    return "$'" + "".join(parts) + "'"


def curl_command(url: str, body: bytes) -> str:
    """bash/zsh: re-send `body` to `url` (…/classin) unchanged."""
    return ("printf '%s' {} | curl -sS -X POST '{}' -H 'Content-Type: application/json' "
            "--data-binary @-").format(_ansi_c_quote(body), url.replace("'", "'\\''"))


def powershell_command(url: str, body: bytes) -> str:
    """Windows PowerShell 5+ and pwsh: re-send `body` to `url` unchanged."""
    encoded = base64.b64encode(body).decode("ascii")
    return ("Invoke-RestMethod -Method Post -Uri '{}' -ContentType 'application/json' "
            "-Body ([Convert]::FromBase64String('{}'))").format(url.replace("'", "''"), encoded)
