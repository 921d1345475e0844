"""Protocol conformance of the `iotj` kernel with Jupyter's own kernel test suite.

jupyter_kernel_test (Debian python3-jupyter-kernel-test) validates every message against the
protocol's schema; each class attribute below is the sample one of its tests runs. A test whose
sample is empty is skipped by the library, so every test it offers has a sample here.
"""
import unittest

import jupyter_kernel_test as jkt  # imported as a module so pytest does not collect the base class

from iotj_client import KERNEL_NAME

# Defined once per kernel, so that completion has names with a known, exact set of matches.
SETUP = "int sensorCount = 3;\nint sensorLimit = 10;\nString stationName = \"north\";"


class IotjKernelTests(jkt.KernelTests):
    kernel_name = KERNEL_NAME

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        reply = cls.kc.execute_interactive(SETUP, timeout=jkt.TIMEOUT, output_hook=lambda msg: None)
        assert reply["content"]["status"] == "ok", reply["content"]

    # kernel_info
    language_name = "java"
    file_extension = ".java"

    # execute: stdout, stderr, error
    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("something went wrong");'
    code_generate_error = 'throw new IllegalStateException("boom");'

    # complete: names defined in SETUP, a method of a String, a magic after %
    completion_samples = [
        {"text": "sensor", "matches": {"sensorCount", "sensorLimit"}},
        {"text": "stationN", "matches": {"stationName"}},
        {"text": "stationName.toUpperC", "matches": {"toUpperCase("}},
        {"text": "%lsmag", "matches": {"%lsmagic"}},
    ]

    # is_complete
    complete_code_samples = [
        "1 + 1",
        "int x = 1;",
        "class Sensor { double value; }",
        'System.out.println("done");',
        "for (int i = 0; i < 3; i++) { x += i; }",
    ]
    incomplete_code_samples = [
        "int f(int a) {",
        "for (int i = 0; i < 3; i++) {",
        "class Sensor {",
        'String s = "a" +',
    ]
    invalid_code_samples = [
        "int x = );",
        "int y = 1 +;",
        "}",
        # balanced and ended by a semicolon, yet no further line can make it compile
        "int 1x = 3;",
        "int f() { return 1 }",
    ]

    # execute_result (also the history test's input) and a history pattern matching one sample
    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": "sensorLimit - sensorCount", "result": "7"},
        {"code": "java.util.List.of(1, 2, 3)", "result": "[1, 2, 3]"},
        {"code": "Math.max(2.5, 1.0)", "result": "2.5"},
    ]
    code_history_pattern = "6*7"
    supported_history_operations = ("tail", "range", "search")

    # display_data from user code
    code_display_data = [
        {"code": 'display(html("<b>bold</b>"));', "mime": "text/html"},
        {"code": 'display("plain words");', "mime": "text/plain"},
        {"code": 'display(svg("<svg xmlns=\'http://www.w3.org/2000/svg\' width=\'8\' height=\'8\'/>"));', "mime": "image/svg+xml"},
        {"code": "display(new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB));", "mime": "image/png"},
        # a string shown as the type asked for
        {"code": 'display("<b>x</b>", "text/html");', "mime": "text/html"},
    ]

    # pager: the Javadoc/signature of a name, shown in the pager
    code_page_something = "%help String"

    # inspect: the cursor after an opening parenthesis, where Shift+Tab is pressed in a notebook
    code_inspect_sample = "Math.max("

    # clear_output from user code
    code_clear_output = "clearOutput();"


if __name__ == "__main__":
    unittest.main()
