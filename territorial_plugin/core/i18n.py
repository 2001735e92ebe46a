"""Translation for code outside QObject classes (core, processing helpers).

One rule for the whole plugin: every user-visible string is written
``tr("...")`` with this function (never ``self.tr``, never an f-string inside).
``pylupdate5`` files every such call, in a class or not, under the context
``@default``; translating in that same context makes the compiled ``.qm`` match.
"""

from __future__ import annotations

from qgis.PyQt.QtCore import QCoreApplication

CONTEXT = "@default"


def tr(text: str) -> str:
    """Translate ``text`` in the shared context; format placeholders afterwards."""
    return QCoreApplication.translate(CONTEXT, text)


def plural(n: int, one: str, many: str) -> str:
    """``one`` for exactly one, else ``many`` — both already translated, so that pylupdate sees
    both: ``plural(n, tr("Link the selected area"), tr("Link the {n} selected areas"))``.
    Swedish and English have the same two forms."""
    return one if n == 1 else many
