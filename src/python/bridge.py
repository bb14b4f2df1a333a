"""The Python side of the kit's bridge to a learner's numpy module (src/python/process.ts).

Run as `python3 bridge.py MODULE.py`: imports the module, then answers calls read from fd 3 and
writes its answers to fd 4, each message a 4-byte little-endian length and a body in the grader's
binary codec (src/grade/codec.mjs), of which this is the Python twin: numbers are float64,
typed arrays are numpy arrays over the message's bytes (no copy), lists are lists, objects are
dicts, except that an object with exactly the keys rows, cols and data is a 2-D float64 array
(the contract's Matrix) both ways. A callback marker becomes a Python function that asks the
kit to call the JavaScript function over the same pipes.

After each call the arguments the function changed in place are sent back (`w -= alpha * dw` on
the caller's array is seen by the properties); each array of the result is sent with where it
came from: an argument (by position), an array returned before and still alive (by id), or new.
A call that runs longer than LOGREG_PYTHON_CALL_SECONDS (default 10) raises TimeoutError.
"""

import importlib.util
import os
import signal
import struct
import sys
import traceback
import weakref

import numpy as np

UNDEFINED, NULL, FALSE, TRUE, NUMBER, STRING, TYPED, ARRAY, OBJECT, CALLBACK, FUNCTION = range(11)
# Messages to Python …
CALL, CALLBACK_VALUE, CALLBACK_ERROR = 1, 2, 3
# … and from it.
READY, LOAD_ERROR, RESULT, THREW, CALLBACK_CALL = 1, 2, 4, 5, 6

# codec.mjs's typed-array kinds, in its order (BigInt64/BigUint64 as int64/uint64).
KINDS = [np.float64, np.float32, np.int8, np.uint8, np.uint8, np.int16, np.uint16, np.int32,
         np.uint32, np.int64, np.uint64]
KIND_OF = {np.dtype(np.float64): 0, np.dtype(np.float32): 1, np.dtype(np.int8): 2,
           np.dtype(np.uint8): 3, np.dtype(np.int16): 5, np.dtype(np.uint16): 6,
           np.dtype(np.int32): 7, np.dtype(np.uint32): 8}
MATRIX_KEYS = ["rows", "cols", "data"]

requests = os.fdopen(3, "rb", buffering=0)
replies = os.fdopen(4, "wb", buffering=0)


def read_exactly(n):
    data = bytearray(n)
    view = memoryview(data)
    have = 0
    while have < n:
        got = requests.readinto(view[have:])
        if not got:
            sys.exit(0)  # the kit has gone: nothing is waiting for an answer
        have += got
    return data


class Reader:
    """Reads one message body (a bytearray: the arrays decoded are writable views of it)."""

    def __init__(self, body):
        self.body = body
        self.offset = 0

    def u8(self):
        self.offset += 1
        return self.body[self.offset - 1]

    def u32(self):
        self.offset += 4
        return struct.unpack_from("<I", self.body, self.offset - 4)[0]

    def value(self):
        tag = self.u8()
        if tag == UNDEFINED or tag == NULL or tag == FUNCTION:
            return None
        if tag in (FALSE, TRUE):
            return tag == TRUE
        if tag == NUMBER:
            self.offset += 8
            return struct.unpack_from("<d", self.body, self.offset - 8)[0]
        if tag == STRING:
            n = self.u32()
            self.offset += n
            return bytes(self.body[self.offset - n:self.offset]).decode("utf-8")
        if tag == TYPED:
            kind, n = self.u8(), self.u32()
            dtype = np.dtype(KINDS[kind])
            self.offset += n
            return np.frombuffer(self.body, dtype, n // dtype.itemsize, self.offset - n)
        if tag == ARRAY:
            return [self.value() for _ in range(self.u32())]
        if tag == OBJECT:
            out = {}
            for _ in range(self.u32()):
                key = self.value()
                out[key] = self.value()
            if sorted(out) == ["cols", "data", "rows"] and isinstance(out["data"], np.ndarray):
                return out["data"].reshape(int(out["rows"]), int(out["cols"]))
            return out
        if tag == CALLBACK:
            return make_callback(self.u32())
        raise ValueError(f"bridge.py cannot read tag {tag}")


class Writer:
    """Builds one message; `sources` maps id(array) to what `origin` says of that array."""

    def __init__(self, kind):
        self.parts = [bytes([kind])]
        self.origins = []
        self.sources = None

    def u32(self, n):
        self.parts.append(struct.pack("<I", n))

    def array(self, a):
        if a.ndim == 2:
            self.parts.append(bytes([OBJECT]))
            self.u32(3)
            for key, item in zip(MATRIX_KEYS, [a.shape[0], a.shape[1], a.reshape(-1)]):
                self.string(key)
                self.value(item)
            return
        if self.sources is not None:
            self.origins.append(self.sources(a))
        if a.dtype not in KIND_OF:
            a = a.astype(np.float64)
        data = np.ascontiguousarray(a.reshape(-1)).tobytes()
        self.parts.append(bytes([TYPED, KIND_OF[a.dtype]]))
        self.u32(len(data))
        self.parts.append(data)

    def string(self, text):
        data = text.encode("utf-8", "surrogatepass")
        self.parts.append(bytes([STRING]))
        self.u32(len(data))
        self.parts.append(data)

    def value(self, v):
        if v is None:
            self.parts.append(bytes([NULL]))
        elif isinstance(v, (bool, np.bool_)):
            self.parts.append(bytes([TRUE if v else FALSE]))
        elif isinstance(v, (int, float, np.integer, np.floating)):
            self.parts.append(bytes([NUMBER]) + struct.pack("<d", float(v)))
        elif isinstance(v, str):
            self.string(v)
        elif isinstance(v, np.ndarray):
            if v.ndim == 0:
                self.value(v.item())
            else:
                self.array(v)
        elif isinstance(v, (list, tuple)):
            self.parts.append(bytes([ARRAY]))
            self.u32(len(v))
            for item in v:
                self.value(item)
        elif isinstance(v, dict):
            self.parts.append(bytes([OBJECT]))
            self.u32(len(v))
            for key, item in v.items():
                self.string(str(key))
                self.value(item)
        else:
            raise TypeError(f"returned a {type(v).__name__}, which the kit cannot read")

    def send(self):
        body = b"".join(self.parts)
        replies.write(struct.pack("<I", len(body)) + body)


def receive():
    (n,) = struct.unpack("<I", read_exactly(4))
    return Reader(read_exactly(n))


def make_callback(callback_id):
    """A Python function that calls the kit's JavaScript function `callback_id` and returns its value."""

    def call_kit(*args):
        out = Writer(CALLBACK_CALL)
        out.u32(callback_id)
        out.value(list(args))
        out.send()
        message = receive()
        kind = message.u8()
        value = message.value()
        if kind == CALLBACK_ERROR:
            raise RuntimeError(f"the kit's function raised: {message.value()}")
        return tuple(value) if isinstance(value, list) else value

    return call_kit


returned = weakref.WeakValueDictionary()  # id → every array returned before, while it lives


def origin_of(arrays):
    """What the kit needs to keep identity for array `a` of a result: see the module comment."""

    def origin(a):
        for index, arg in enumerate(arrays):
            if a is arg:
                return ["argument", index]
        seen = returned.get(id(a)) is a
        returned[id(a)] = a
        return ["seen" if seen else "new", id(a)]

    return origin


def array_args(args):
    """The arrays among `args` (positional, kwargs), in order, with a copy of each one's contents."""
    found = []
    for key, value in args:
        if isinstance(value, np.ndarray):
            found.append((key, value, value.copy()))
        elif isinstance(value, list):
            found.append((key, value, list(value)))
    return found


def changed(now, before):
    if isinstance(now, list):
        return len(now) != len(before) or any(a is not b for a, b in zip(now, before))
    return now.shape != before.shape or now.tobytes() != before.tobytes()


def on_alarm(signum, frame):
    raise TimeoutError(f"did not return within {CALL_SECONDS:g} s (a loop that never ends?)")


CALL_SECONDS = float(os.environ.get("LOGREG_PYTHON_CALL_SECONDS", "10"))


def answer(module, message):
    name = message.value()
    positional = message.value()
    keywords = message.value() or {}
    args = list(enumerate(positional)) + list(keywords.items())
    arrays = array_args(args)
    try:
        function = getattr(module, name)
        signal.setitimer(signal.ITIMER_REAL, CALL_SECONDS)
        try:
            result = function(*positional, **keywords)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        out = Writer(RESULT)
        out.sources = origin_of([a for _, a, _ in arrays])
        out.value(result)
        origins = out.origins
        out.sources = None
        out.value(origins)
        out.value([[key, now] for key, now, before in arrays if changed(now, before)])
        out.send()
    except Exception as error:
        out = Writer(THREW)
        out.value(type(error).__name__)
        out.value(str(error))
        out.value(module_frames(error))
        out.send()


def module_frames(error):
    """The traceback's lines in the learner's module: where in their file it went wrong."""
    path = os.path.realpath(sys.argv[1])
    frames = traceback.extract_tb(error.__traceback__)
    return [f"{os.path.basename(f.filename)}:{f.lineno}: {f.line}" for f in frames
            if os.path.realpath(f.filename) == path]


# Audit events (PEP 578) that start, replace or signal a process or load native code: refused
# in the grader's sandbox (LOGREG_PYTHON_CONFINED, set by src/grade/python-sandbox.ts), a second
# layer under the OS sandbox as Node's permission model is for a TypeScript submission. (The OS
# sandbox's process limit does not hold for processes that are root outside it.) numpy is
# imported before the hook, so what it loads is not refused.
REFUSED_EVENTS = frozenset({
    "os.fork", "os.forkpty", "os.posix_spawn", "os.spawn", "os.system", "os.exec",
    "os.kill", "os.killpg", "signal.pthread_kill", "subprocess.Popen", "pty.spawn",
    "ctypes.dlopen", "ctypes.dlsym", "ctypes.dlsym/handle", "ctypes.call_function",
})


def refuse_in_sandbox(event, args):
    if event in REFUSED_EVENTS:
        raise PermissionError(f"the grader's sandbox refuses {event}")


def main():
    signal.signal(signal.SIGALRM, on_alarm)
    if os.environ.get("LOGREG_PYTHON_CONFINED"):
        sys.addaudithook(refuse_in_sandbox)
    path = sys.argv[1]
    try:
        spec = importlib.util.spec_from_file_location("logreg_under_test", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    except BaseException as error:  # SyntaxError, SystemExit … at import: reported, not raised
        out = Writer(LOAD_ERROR)
        out.value(type(error).__name__)
        out.value(str(error))
        out.send()
        return
    names = [n for n in dir(module) if callable(getattr(module, n)) and not n.startswith("_")]
    out = Writer(READY)
    out.value(names)
    out.send()
    while True:
        message = receive()
        kind = message.u8()
        if kind == CALL:
            answer(module, message)


main()
