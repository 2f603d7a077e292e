#!/usr/bin/env python3
"""Fidelity check: the vendor API article's Python examples, run verbatim against the local MaestroQA server.

EXAMPLES holds every "Example Request (Python)" block of the article, in order, character for character.
The harness changes only the host (https://app.maestroqa.com/ -> the server's URL) and the one placeholder
the article leaves for the reader, 'THE_EXPORT_ID' (-> the id the first example returned). The token
'YOUR_API_TOKEN' is valid on the server by default; 'unique_ticket_id' is used as is.

Usage: MAESTROQA_MOCK_URL=http://127.0.0.1:PORT/ python3 seed_examples.py
Without MAESTROQA_MOCK_URL it starts the built server (dotnet build tests/MaestroQA.MockServer -c Release) itself.
Prints one line per example; exits non-zero if any example fails (a non-2xx response or an error).
"""

import os
import pathlib
import subprocess
import sys
import time

import requests

ARTICLE_HOST = "https://app.maestroqa.com/"

# (article section, verbatim example block)
EXAMPLES = [
    (
        'Request A "Raw" Export',
        """\
import requests

url = 'https://app.maestroqa.com/api/v1/request-raw-export'

payload = {
'startDate': '2018-08-13T00:00:00Z',
'endDate': '2018-08-19T00:00:00Z',
'name': 'Weekly Maestro Grades Export'
}

headers = { 'apitoken': 'YOUR_API_TOKEN' }

response = requests.post(url, json=payload, headers=headers)
""",
    ),
    (
        "Retrieve the results of an export",
        """\
import requests

url = 'https://app.maestroqa.com/api/v1/get-export-data'

payload = {
'exportId': 'THE_EXPORT_ID'
}

headers = { 'apitoken': 'YOUR_API_TOKEN' }

response = requests.get(url, json=payload, headers=headers)
""",
    ),
    (
        'Request an "agent groups" export',
        """\
import requests

url = 'https://app.maestroqa.com/api/v1/request-groups-export'

payload = {
'name': 'Maestro Agent Groups Export',
'includeUnavailable': False
}

headers = { 'apitoken': 'YOUR_API_TOKEN' }

response = requests.post(url, json=payload, headers=headers)
""",
    ),
    (
        'Request an "audit logs" export',
        """\
import requests

url = 'https://app.maestroqa.com/api/v1/request-audit-log-export'

payload = {
'startDate': '2018-08-13T00:00:00Z',
'endDate': '2018-08-19T00:00:00Z',
'name': 'Maestro Activity Log Export',
}

headers = { 'apitoken': 'YOUR_API_TOKEN' }

response = requests.post(url, json=payload, headers=headers)
""",
    ),
    (
        "Request Screen Capture Usage Stats",
        """\
import requests

url = 'https://app.maestroqa.com/api/v1/screen-capture-usage-stats'

payload = {
'groupIds': ['123'],
'interval': 'day',
}

headers = { 'apitoken': 'YOUR_API_TOKEN' }

response = requests.post(url, json=payload, headers=headers)
""",
    ),
    (
        "Create a Ticket",
        """\
import requests

url = 'https://app.maestroqa.com/api/v1/tickets'

payload = {
'gradable_id': 'unique_ticket_id',
'type': 'custom helpdesk',
'subject': 'New ticket',
'link': 'http://www.mynewticket.com',
'body': 'The text content of this ticket',
'status': 'open',
'agents': ['this_agent_id'],
'tags': 'login,support,escalated',
'csat_score': 5,
'first_seen': '2022-02-02T00:00:00.000Z',
'last_seen': '2022-03-07T00:00:00.000Z'
}

headers = { 'apitoken': 'YOUR_API_TOKEN' }

response = requests.post(url, json=payload, headers=headers)
""",
    ),
    (
        "Update a Ticket",
        """\
import requests

url = 'https://app.maestroqa.com/api/v1/tickets/unique_ticket_id'

payload = {
'subject': 'Updated subject!',
'status': 'closed',
'last_seen': '2022-03-15T00:00:00.000Z'
}

headers = { 'apitoken': 'YOUR_API_TOKEN' }

response = requests.patch(url, json=payload, headers=headers)
""",
    ),
    (
        "Delete a Ticket",
        """\
import requests

url = 'https://app.maestroqa.com/api/v1/tickets/unique_ticket_id'

headers = { 'apitoken': 'YOUR_API_TOKEN' }

response = requests.delete(url, headers=headers)
""",
    ),
]


def run_example(source, base_url, export_id):
    """Executes one block as the article wrote it; on 429 honours Retry-After and runs it again, as a reader would."""
    code = source.replace(ARTICLE_HOST, base_url)
    if export_id is not None:
        code = code.replace("'THE_EXPORT_ID'", repr(export_id))
    for _ in range(5):
        namespace = {}
        exec(compile(code, "<article example>", "exec"), namespace)
        response = namespace["response"]
        if response.status_code != 429:
            return response
        time.sleep(float(response.headers.get("Retry-After-Ms", 0)) / 1000 or float(response.headers["Retry-After"]))
    return response


def start_server():
    """Starts the built server as a child that exits with us; returns (process, base URL)."""
    server_dir = pathlib.Path(__file__).resolve().parent.parent / "MaestroQA.MockServer"
    dll = server_dir / "bin" / "Release" / "net10.0" / "MaestroQA.MockServer.dll"
    if not dll.exists():
        sys.exit(f"{dll} not found: build it first (dotnet build tests/MaestroQA.MockServer -c Release)")
    process = subprocess.Popen(["dotnet", str(dll), "--parent-pid", str(os.getpid())],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    line = process.stdout.readline().strip()
    if not line.startswith("MAESTROQA_MOCK_URL="):
        sys.exit(f"server did not start: {line!r}")
    return process, line.split("=", 1)[1]


def wait_for_export(base_url, export_id):
    """Polls the way a client would until the first example's export is complete (so example 2 shows a dataUrl)."""
    deadline = time.time() + 15
    while time.time() < deadline:
        status = requests.get(base_url + "api/v1/get-export-data",
                              headers={"apitoken": "YOUR_API_TOKEN", "exportId": export_id}).json().get("status")
        if status in ("complete", "errored"):
            return
        time.sleep(0.25)


def main():
    server = None
    base_url = os.environ.get("MAESTROQA_MOCK_URL")
    if not base_url:
        server, base_url = start_server()
    base_url = base_url.rstrip("/") + "/"
    failures = 0
    export_id = None
    try:
        for number, (section, source) in enumerate(EXAMPLES, start=1):
            try:
                response = run_example(source, base_url, export_id)
                ok = 200 <= response.status_code < 300
                detail = response.text.strip()[:160] or "(empty body)"
                outcome = f"{response.status_code} {detail}"
                if ok and number == 1:
                    export_id = response.json()["exportId"]
                    wait_for_export(base_url, export_id)
            except Exception as error:  # any failure of an example is a failed check, reported on its line
                ok, outcome = False, f"{type(error).__name__}: {error}"
            failures += not ok
            print(f"{'PASS' if ok else 'FAIL'} {number}. {section}: {outcome}", flush=True)
    finally:
        if server is not None:
            server.stdin.close()
            server.wait(timeout=10)
    print(f"{len(EXAMPLES) - failures}/{len(EXAMPLES)} article examples succeeded")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
