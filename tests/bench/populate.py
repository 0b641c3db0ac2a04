#!/usr/bin/python3
# tests/bench/populate.py — fill a TrustNet database with N realistic contacts, fast.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: populate.py TRUSTNET_BIN DATABASE N
# The schema comes from the app itself (trustnet --add creates it); the rows
# are written in one transaction, deterministically (same N, same rows).
import random
import sqlite3
import subprocess
import sys
import uuid

FIRST = ["Ana", "Bjørn", "Chloé", "Dmitri", "Emeka", "Fatima", "Günter", "Hiroshi",
         "Ines", "José", "Kateřina", "Lars", "Mei", "Nikolai", "Olga", "Priya",
         "Quentin", "Rosa", "Søren", "Tomás", "Ulla", "Vikram", "Wen", "Xavier",
         "Yara", "Zoë", "李", "Андрей", "محمد", "Ελένη"]
LAST = ["Anderson", "Brown", "Castillo", "Dubois", "Eriksen", "Fischer", "García",
        "Hansen", "Ivanova", "Jansen", "Kowalski", "López", "Müller", "Nakamura",
        "O'Brien", "Petrov", "Quispe", "Rossi", "Schmidt", "Tanaka", "Ueda",
        "Virtanen", "Wójcik", "Xu", "Yilmaz", "Zhang", "王", "Смирнов", "Παπαδόπουλος"]
ORGS = ["Acme Corp", "Globex", "Initech", "Umbrella, Inc.", "Stark Industries",
        "Wayne Enterprises", "Hooli", "Vandelay Industries", "Cyberdyne Systems",
        "Soylent; Foods", "Tyrell Corp", "Massive Dynamic", None]
TITLES = ["Engineer", "Director of Sales", "CFO", "Recruiter", "Project Manager", None]


def main():
    binary, database, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    # Reading commands create no database: adding one contact does, which goes again.
    subprocess.run([binary, "--database", database, "--add", "Populate Seed"], check=True,
                   stdout=subprocess.DEVNULL)
    rng = random.Random(42)
    connection = sqlite3.connect(database)
    with connection:
        connection.execute("DELETE FROM contacts")
        for i in range(count):
            first, last = rng.choice(FIRST), rng.choice(LAST)
            trust = rng.choices([0, 1, 2, 3], weights=[70, 3, 12, 15])[0]
            cursor = connection.execute(
                "INSERT INTO contacts (uid, full_name, given_name, family_name, organization,"
                " title, trust, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (str(uuid.UUID(int=rng.getrandbits(128))), f"{first} {last}", first, last,
                 rng.choice(ORGS), rng.choice(TITLES), trust, 1767225600 + i, 1767225600 + i))
            email = f"{first}.{last}.{i}@example.org".lower().replace("'", "")
            connection.execute(
                "INSERT INTO emails (contact_id, position, value, normalized) VALUES (?, 0, ?, ?)",
                (cursor.lastrowid, email, email))
            if rng.random() < 0.5:
                phone = f"+1 555 {rng.randrange(10000):04d}"
                connection.execute(
                    "INSERT INTO phones (contact_id, position, value, normalized) VALUES (?, 0, ?, ?)",
                    (cursor.lastrowid, phone, phone.replace(" ", "")))
    connection.close()


if __name__ == "__main__":
    main()
