#!/usr/bin/python3
"""smtp_sink.py PORT DIR: an SMTP server on 127.0.0.1:PORT (Debian's python3-aiosmtpd) for the end-to-end tests.
Each message it accepts is written to DIR as NNNNNN.eml (the bytes as received, written to a temporary name and
renamed, so a reader never sees half a file). The reply to DATA is read from DIR/answer at every message: absent or
empty means 250 (accept); "451" or "550" makes it answer that code and keep nothing (a temporary or permanent
refusal)."""
import asyncio
import os
import sys

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, out):
        self.out = out
        self.n = 0

    async def handle_DATA(self, server, session, envelope):
        try:
            with open(os.path.join(self.out, "answer")) as f:
                answer = f.read().strip()
        except FileNotFoundError:
            answer = ""
        if answer == "451":
            return "451 4.3.0 try again later (test)"
        if answer == "550":
            return "550 5.1.1 no such mailbox (test)"
        self.n += 1
        name = os.path.join(self.out, "%06d.eml" % self.n)
        with open(name + ".tmp", "wb") as f:
            f.write(envelope.original_content or envelope.content)
        os.rename(name + ".tmp", name)
        return "250 OK"


def main():
    port, out = int(sys.argv[1]), sys.argv[2]
    os.makedirs(out, exist_ok=True)
    controller = Controller(Sink(out), hostname="127.0.0.1", port=port)
    controller.start()
    with open(os.path.join(out, "ready"), "w") as f:
        f.write("ready\n")
    try:
        asyncio.get_event_loop().run_forever()
    except KeyboardInterrupt:
        pass
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
