"""Times a terminal program in a pseudo-terminal: spawn to first frame showing a text, then
keypress to the first byte of the next frame. Used by bench.py; no third-party modules."""

import fcntl
import os
import select
import struct
import subprocess
import termios
import time


class Pty:
    """A program running in a pseudo-terminal of `cols` x `rows`."""

    def __init__(self, argv, env, cols=120, rows=40):
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.t0 = time.monotonic()
        self.proc = subprocess.Popen(
            argv, stdin=slave, stdout=slave, stderr=slave, env=env,
            start_new_session=True, close_fds=True)
        os.close(slave)
        self.fd = master
        self.seen = b""

    def read(self, timeout):
        """Bytes written within `timeout` seconds (b"" if none)."""
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return b""
        try:
            return os.read(self.fd, 1 << 16)
        except OSError:
            return b""

    def wait_for(self, text, timeout):
        """Seconds from spawn until `text` (bytes) was written, or None."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            self.seen += self.read(0.05)
            if text in self.seen:
                return time.monotonic() - self.t0
            self.seen = self.seen[-4096:]
        return None

    def quiet(self, gap=0.03, limit=5.0):
        """Reads until nothing was written for `gap` seconds."""
        end = time.monotonic() + limit
        while time.monotonic() < end and self.read(gap):
            pass

    def key(self, data, timeout=2.0):
        """Milliseconds from writing `data` to the first byte of output (None if none came)."""
        t = time.monotonic()
        os.write(self.fd, data)
        out = self.read(timeout)
        ms = (time.monotonic() - t) * 1000 if out else None
        self.quiet()
        return ms

    def peak_rss_kb(self):
        """Peak resident memory of the program so far (VmHWM), in kB."""
        with open(f"/proc/{self.proc.pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
        return None

    def close(self, quit_key=b"q"):
        try:
            os.write(self.fd, quit_key)
            self.proc.wait(timeout=5)
        except (OSError, subprocess.TimeoutExpired):
            self.proc.kill()
            self.proc.wait()
        os.close(self.fd)


def percentile(values, q):
    """Nearest-rank percentile of a list of numbers (q in 0..1)."""
    v = sorted(values)
    if not v:
        return None
    i = min(len(v), max(1, int(-(-len(v) * q // 1)))) - 1
    return v[i]
