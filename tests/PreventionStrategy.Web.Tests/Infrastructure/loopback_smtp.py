#!/usr/bin/python3
"""A real SMTP server on loopback for the tests (Debian's python3-aiosmtpd).

Every accepted message is written to OUT/<n>.eml; every event is appended to OUT/events.log
("connect", "accept <rcpt>", "reject <code> <rcpt>"). Recipients choose how they are treated:
  tempfail-*@...  answered 451 the first time, accepted after that
  reject-*@...    answered 550 every time
  drop-*@...      the connection is cut (no reply) the first time, accepted after that
  hold-*@...      no reply until the file OUT/release exists (a send caught mid-message), then accepted
  holdreply-*@... the message is stored (as a real server queues it before it replies; "stored-held <rcpt>"
                  is logged), then its 250 is withheld until OUT/release exists: a sender killed meanwhile
                  never learns that the message went out
  anything else   accepted
--delay S waits S seconds before each 250 to a message (a slow server, so a batch is caught in progress).
The chosen port is printed as "PORT <n>" once the server listens.
"""
import argparse
import asyncio
import os
import threading

from aiosmtpd.smtp import SMTP

lock = threading.Lock()
counter = {"messages": 0}
temp_failed = set()


def log(out, line):
    with lock:
        with open(os.path.join(out, "events.log"), "a", encoding="utf-8") as f:
            f.write(line + "\n")


class Handler:
    def __init__(self, out, delay=0.0):
        self.out = out
        self.delay = delay

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.split("@")[0].lower()
        if local.startswith("reject-"):
            log(self.out, f"reject 550 {address}")
            return "550 5.1.1 Mailbox unavailable"
        if local.startswith("drop-") and address.lower() not in temp_failed:
            temp_failed.add(address.lower())
            log(self.out, f"drop {address}")
            server.transport.abort()
            return "421 4.4.2 Connection dropped"
        if local.startswith("hold-"):
            log(self.out, f"hold {address}")
            while not os.path.exists(os.path.join(self.out, "release")):
                await asyncio.sleep(0.05)
        if local.startswith("tempfail-") and address.lower() not in temp_failed:
            temp_failed.add(address.lower())
            log(self.out, f"reject 451 {address}")
            return "451 4.3.0 Try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        with lock:
            counter["messages"] += 1
            n = counter["messages"]
        path = os.path.join(self.out, f"{n:06d}.eml")
        with open(path + ".tmp", "wb") as f:
            f.write(envelope.original_content or envelope.content)
        os.replace(path + ".tmp", path)
        for rcpt in envelope.rcpt_tos:
            log(self.out, f"accept {rcpt}")
        if any(r.split("@")[0].lower().startswith("holdreply-") for r in envelope.rcpt_tos) \
                and not os.path.exists(os.path.join(self.out, "release")):
            log(self.out, "stored-held " + " ".join(envelope.rcpt_tos))
            while not os.path.exists(os.path.join(self.out, "release")):
                await asyncio.sleep(0.05)
        if self.delay > 0:
            await asyncio.sleep(self.delay)
        return "250 Message accepted"


class CountingSMTP(SMTP):
    def connection_made(self, transport):
        log(self.event_handler.out, "connect")
        super().connection_made(transport)


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--delay", type=float, default=0.0)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    handler = Handler(args.out, args.delay)
    loop = asyncio.get_running_loop()
    server = await loop.create_server(
        lambda: CountingSMTP(handler, hostname="loopback.test", data_size_limit=50_000_000, decode_data=False),
        host="127.0.0.1", port=args.port)
    print(f"PORT {server.sockets[0].getsockname()[1]}", flush=True)
    async with server:
        await server.serve_forever()


asyncio.run(main())
