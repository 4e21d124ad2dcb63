"""The keys a binding answers to as the user has them (defaults after `[keys]` in
kwb.toml), and one way of writing them, shared by the footer, the help screen and the
panel titles, so that no screen names a key that is not bound.

The defaults are keys that reach a program in the common terminals without the kitty
keyboard protocol (xterm, tmux/screen, VTE, Konsole, Windows Terminal, macOS Terminal and
iTerm2): control letters, arrows with ctrl, F-keys, Esc. Textual's driver clears ICRNL, so
Enter arrives as CR ("enter") and ctrl+j as LF ("ctrl+j"); ctrl+enter arrives as a plain
Enter except under the kitty protocol (Windows Terminal sends it as LF, i.e. ctrl+j);
`ESC 1`…`ESC 9` (alt+digit in xterm and tmux) become macOS Option characters (¡ ™ £ …);
alt+letter is a character of its own in macOS terminals unless Option is set to Meta.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from textual.binding import Binding, BindingType
from textual.keys import format_key, key_to_character

_NAMES = {
    "escape": "esc",
    "enter": "enter",
    "tab": "tab",
    "space": "space",
    "backspace": "bksp",
    "delete": "del",
    "up": "↑",
    "down": "↓",
    "left": "←",
    "right": "→",
    "pageup": "pgup",
    "pagedown": "pgdn",
    "home": "home",
    "end": "end",
    "insert": "ins",
}
_FUNCTION = re.compile(r"f\d{1,2}")


def label(key: str) -> str:
    """A key as the footer writes it: ctrl as ^ (nano's habit, and short enough for an
    80-column footer), F-keys in capitals, `?` for question_mark. ctrl+underscore is what
    ctrl+/ sends in xterm-style terminals, so it is written ^/."""
    if key == "+" or key.endswith("++"):
        return key
    *modifiers, base = key.split("+")
    if "ctrl" in modifiers and base in ("underscore", "slash"):
        base = "/"
    elif base in _NAMES:
        base = _NAMES[base]
    elif _FUNCTION.fullmatch(base):
        base = base.upper()
    else:
        base = format_key(base)
    text = "+".join([*(m for m in modifiers if m != "ctrl"), base])
    return f"^{text}" if "ctrl" in modifiers else text


def keys_of(binding: Binding, keymap: Mapping[str, str]) -> list[str]:
    """The keys `binding` answers to once `keymap` (binding id → "key,key") is applied,
    as Textual applies it: a mapped id loses its default keys."""
    mapped = keymap.get(binding.id) if binding.id else None
    return [k.strip() for k in (mapped or binding.key).split(",") if k.strip()]


def written(binding: Binding, keymap: Mapping[str, str]) -> list[str]:
    """The keys of `binding` as labels, each once (ctrl+/ arrives as ctrl+underscore in
    most terminals and as ctrl+slash under the kitty protocol: one key to the user)."""
    return list(dict.fromkeys(label(k) for k in keys_of(binding, keymap)))


def find(bindings: Iterable[BindingType], binding_id: str) -> Binding | None:
    """The binding with id `binding_id` among `bindings` (a BINDINGS list)."""
    for binding in bindings:
        if isinstance(binding, Binding) and binding.id == binding_id:
            return binding
    return None


def shown(bindings: Iterable[BindingType], binding_id: str, keymap: Mapping[str, str]) -> str:
    """The first key bound to `binding_id`, written for a title (empty if none)."""
    binding = find(bindings, binding_id)
    keys = keys_of(binding, keymap) if binding is not None else []
    return label(keys[0]) if keys else ""


def span(bindings: Iterable[BindingType], binding_ids: list[str], keymap: Mapping[str, str]) -> str:
    """Keys of a numbered family of bindings (insert glossary term 1…9) in a few cells:
    "1…9" while they are the digits in order, else each key ("1/F5/3…")."""
    first = [shown(bindings, i, keymap) for i in binding_ids]
    if len(first) > 1 and first == [str(n) for n in range(1, len(first) + 1)]:
        return f"{first[0]}…{first[-1]}"
    return "/".join(k or "–" for k in first)


def is_typing_key(key: str) -> bool:
    """Whether the key types a character in a text field (it then reaches a binding only
    where nothing takes text, e.g. `?` outside the English editor)."""
    if "+" in key.strip("+"):
        return False  # a modifier: ctrl+…, alt+… (shift+letter is written as the letter)
    if key in _NAMES or _FUNCTION.fullmatch(key):
        return key == "space"
    character = key_to_character(key)
    shown = format_key(key)
    return (character is not None and character.isprintable()) or (
        len(shown) == 1 and shown.isprintable()
    )


def normalize(keymap: Mapping[str, str]) -> dict[str, str]:
    """`[keys]` as written in kwb.toml, with spaces around the commas removed."""
    return {k: ",".join(p.strip() for p in v.split(",") if p.strip()) for k, v in keymap.items()}
