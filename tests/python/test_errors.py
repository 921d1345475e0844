"""Errors that look like errors (issue 17), through jupyter_client: tracebacks coloured as IPython
colours them, each error shown once, warnings milder than errors and never on stderr, the user's
names instead of JShell's, and %%template warning about functions not defined yet."""
import re

RED = "\x1b[1;31m"
YELLOW = "\x1b[1;33m"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def plain(text: str) -> str:
    return ANSI.sub("", text)


def test_compile_error_names_the_error_in_red_and_highlights_the_caret(kernel):
    ex = kernel.execute("int z = undefinedThing + 1;")
    assert ex.status == "error", ex.describe()
    tb = ex.error["traceback"]
    assert tb[0].startswith(RED + "error"), tb
    assert tb[-1].strip() == RED + "^" + "\x1b[0m", tb
    assert plain(tb[-1]).index("^") == len("int z = "), "the caret stays under the column"
    assert ANSI.search(ex.error["evalue"]) is None, "evalue stays plain text"


def test_exception_name_is_red_and_names_are_the_users(kernel):
    ex = kernel.execute("String sensor = null;\nsensor.length()")
    assert ex.status == "error", ex.describe()
    tb = ex.error["traceback"]
    assert tb[0].startswith(RED + "java.lang.NullPointerException\x1b[0m: "), tb
    assert '"sensor" is null' in ex.error["evalue"], ex.error["evalue"]
    assert "$JShell$" not in "".join(tb) + ex.error["evalue"]


def test_template_error_after_assemble_is_shown_once(kernel):
    kernel.ok("int times_two(int x) { return 2 * x; }")
    defined = kernel.ok("%%template\ntypo(x:stream) -> y:stream {\n  y = map(in=x, function=\"time_two\");\n}")
    ex = kernel.execute("%assemble typo")
    assert ex.status == "error", ex.describe()
    tb = [plain(l) for l in ex.error["traceback"]]
    assert tb[0].startswith("TemplateError at line 3, column"), tb
    said = [l for l in tb if "no function is called time_two" in l]
    assert len(said) == 1, f"the error shows once:\n" + "\n".join(tb)
    assert ex.error["traceback"][0].startswith(RED + "TemplateError"), ex.error["traceback"]
    assert len(ex.of_type("error")) == 1, ex.describe()
    # the template cell itself warned, and offered the near match
    warned = defined.stream("stdout")
    assert YELLOW + "warning" in warned and "time_two" in warned and "times_two" in warned, defined.describe()


def test_warnings_are_milder_than_errors_and_not_on_stderr(kernel):
    ex = kernel.ok("%%template\nlonely(x:stream, w:stream) -> y:stream {\n  y = map(in=x, function=\"abs\");\n}")
    assert ex.stream("stderr") == "", f"a warning is not an error box:\n{ex.describe()}"
    out = ex.stream("stdout")
    assert out.startswith(YELLOW + "warning"), out
    assert RED not in out, "a warning never uses the error colour"
    assert "the input 'w' of 'lonely' is never used" in plain(out)


def test_template_naming_a_function_defined_later_is_accepted_with_a_warning(kernel):
    ex = kernel.ok("%%template\nlater(x:stream) -> y:stream {\n  y = map(in=x, function=\"defined_later\");\n}")
    out = plain(ex.stream("stdout"))
    assert "warning at line 3" in out and "defined_later" in out, ex.describe()
    kernel.ok("int defined_later(int x) { return x + 100; }")
    kernel.ok("%assemble later --as lt")
    kernel.ok('lt.in("x").append(1); lt.awaitIdle(java.time.Duration.ofSeconds(10));')
    assert kernel.ok('lt.out("y").values()').text == "[101]"
    kernel.ok("lt.stop();")
