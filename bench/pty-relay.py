#!/usr/bin/env python3
# Runs a command in a real pseudo-terminal of a given size and relays bytes both ways: our stdin
# to the terminal, the terminal's output to our stdout, unbuffered. The bench (terminal.ts) drives
# it, so the program under test sees a terminal exactly as a user's shell gives it one.
# Usage: pty-relay.py COLS ROWS COMMAND [ARGS...]   (stderr: "pid N", then "exit CODE")
import fcntl, os, pty, select, struct, sys, termios

cols, rows, argv = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
pid, fd = pty.fork()
if pid == 0:
    fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack('HHHH', rows, cols, 0, 0))
    os.execvp(argv[0], argv)
sys.stderr.write(f'pid {pid}\n')
sys.stderr.flush()
inputs = [fd, 0]
out = sys.stdout.buffer
while True:
    try:
        ready, _, _ = select.select(inputs, [], [])
    except InterruptedError:
        continue
    if 0 in ready:
        data = os.read(0, 65536)
        if data:
            os.write(fd, data)
        else:
            inputs.remove(0)
    if fd in ready:
        try:
            data = os.read(fd, 65536)
        except OSError:
            data = b''
        if not data:
            break
        out.write(data)
        out.flush()
_, status = os.waitpid(pid, 0)
sys.stderr.write(f'exit {os.waitstatus_to_exitcode(status)}\n')
sys.stderr.flush()
