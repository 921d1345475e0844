"""Fixtures shared by the Python suites: kernels of the installed `iotj` kernelspec.

The test command (install/test.sh) installs the kernel into a temporary JUPYTER_DATA_DIR first;
run by hand, these suites use whatever `iotj` kernel Jupyter finds (install/install.sh).
"""
import pytest
from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

from iotj_client import KERNEL_NAME, KernelSession


def pytest_report_header(config):
    try:
        spec = KernelSpecManager().get_kernel_spec(KERNEL_NAME)
        return f"kernel {KERNEL_NAME!r}: {spec.resource_dir} ({spec.argv[0]})"
    except NoSuchKernel:
        return f"kernel {KERNEL_NAME!r}: NOT INSTALLED (run install/install.sh)"


@pytest.fixture(scope="module")
def kernel(request):
    """One kernel shared by the tests of a module (tests must not depend on each other's state)."""
    with KernelSession(log_name=request.module.__name__) as session:
        yield session


@pytest.fixture
def fresh_kernel(request):
    """A kernel of its own, for tests that restart or otherwise disturb it."""
    with KernelSession(log_name=request.node.name) as session:
        yield session


@pytest.fixture(scope="session")
def rabbitmq_url():
    """The local RabbitMQ broker's URI (install/test.sh starts it); fails clearly when it is down."""
    import socket

    try:
        socket.create_connection(("127.0.0.1", 5672), timeout=2).close()
    except OSError as e:
        pytest.fail(f"RabbitMQ is not answering on 127.0.0.1:5672 ({e}); start it with: rabbitmq-server -detached")
    return "amqp://guest:guest@127.0.0.1:5672"
