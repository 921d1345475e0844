"""What every notebook generator here shares: cell builders and a writer with stable cell ids.

A generator is `make_<topic>_notebook(s).py` beside this file; it builds a list of cells with
`md(...)` and `code(...)` and calls `write("NN-name.ipynb", cells)`, which writes into the
repository's `notebooks/` folder.
"""
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

NOTEBOOKS = Path(__file__).resolve().parent.parent.parent / "notebooks"
META = {
    "kernelspec": {"display_name": "Java (iotj)", "language": "java", "name": "iotj"},
    "language_info": {"codemirror_mode": "text/x-java", "file_extension": ".java",
                      "mimetype": "text/x-java", "name": "java"},
}


def md(text):
    """A Markdown cell; leading and trailing blank lines of the literal are dropped."""
    return new_markdown_cell(text.strip("\n"))


def code(text):
    """A code cell; leading and trailing blank lines of the literal are dropped."""
    return new_code_cell(text.strip("\n"))


def write(name, cells):
    """Writes `notebooks/<name>` with no outputs (the tests run it; a reader runs it)."""
    # Stable cell ids keep regenerated notebooks' diffs to what changed.
    for i, cell in enumerate(cells):
        cell["id"] = f"{name.split('-')[0]}-{i:02d}"
    nb = new_notebook(cells=cells, metadata=META)
    nbformat.validate(nb)
    nbformat.write(nb, NOTEBOOKS / name)
