#!/usr/bin/env python3
"""Summarises a JFR recording's execution samples: top self methods, inclusive methods, and a breakdown by
mechanism (each sample counted once under the first category its stack matches, innermost frame first).
Usage: hot.py <recording.jfr> [top]   (needs the JDK's 'jfr' on the PATH or JFR=/path/to/jfr)."""
import collections, json, os, subprocess, sys

CATEGORIES = [  # (label, substrings of a frame "class.method"), checked from the innermost frame outwards
    ("TLS / crypto", ("sun.security.ssl", "javax.crypto", "com.sun.crypto", "sun.security.provider",
                      "com.amazon.corretto.crypto", "sun.security.ec", "sun.security.rsa", "sun.security.util")),
    ("SASL / SCRAM", ("org.apache.kafka.common.security",)),
    ("logging", ("org.jboss.logmanager", "org.jboss.logging", "io.quarkus.logging", "io.quarkus.bootstrap.logging")),
    ("OpenTelemetry", ("io.opentelemetry",)),
    ("Micrometer", ("io.micrometer",)),
    ("JSON (Jackson)", ("com.fasterxml.jackson",)),
    ("JSON Schema", ("com.networknt",)),
    ("PostgreSQL driver", ("org.postgresql",)),
    ("Hibernate", ("org.hibernate",)),
    ("Agroal / Narayana", ("io.agroal", "com.arjuna", "io.quarkus.narayana")),
    ("Kafka client", ("org.apache.kafka",)),
    ("Vert.x / Netty", ("io.vertx", "io.netty")),
    ("SmallRye", ("io.smallrye",)),
    ("OIDC / JWT", ("io.quarkus.oidc", "org.jose4j", "io.smallrye.jwt")),
    ("TCC code", ("org.tcc.",)),
    ("JDK", ("java.", "jdk.", "sun.")),
]

def frame_name(f):
    m = f["method"]
    return m["type"]["name"].replace("/", ".") + "." + m["name"]

def main():
    path = sys.argv[1]; top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    jfr = os.environ.get("JFR", "jfr")
    raw = subprocess.run([jfr, "print", "--json", "--stack-depth", "64", "--events", "jdk.ExecutionSample", path],
                         check=True, capture_output=True, text=True).stdout
    events = json.loads(raw)["recording"]["events"]
    self_c, incl_c, cat_c, thread_c = (collections.Counter() for _ in range(4))
    for e in events:
        frames = [frame_name(f) for f in (e["values"]["stackTrace"] or {}).get("frames", [])]
        if not frames:
            continue
        t = e["values"].get("sampledThread") or {}
        name = (t.get("javaName") or t.get("osName") or "?")
        thread_c["".join(c if not c.isdigit() else "#" for c in name)] += 1
        self_c[frames[0]] += 1
        for fr in set(frames):
            incl_c[fr] += 1
        label = "other"
        for fr in frames:
            hit = next((l for l, subs in CATEGORIES if any(fr.startswith(s) for s in subs)), None)
            if hit and hit != "JDK":
                label = hit; break
            if hit == "JDK" and label == "other":
                label = "JDK"  # remember, keep looking for a library
        cat_c[label] += 1
    n = sum(self_c.values()) or 1
    print(f"{path}: {n} execution samples")
    print("-- by mechanism (innermost library frame):")
    for k, v in cat_c.most_common():
        print(f"  {100*v/n:5.1f}%  {k}")
    print("-- by thread:")
    for k, v in thread_c.most_common(12):
        print(f"  {100*v/n:5.1f}%  {k}")
    print(f"-- top {top} self:")
    for k, v in self_c.most_common(top):
        print(f"  {100*v/n:5.1f}%  {k}")
    print(f"-- top {top} inclusive (org.tcc / libraries' entry points):")
    for k, v in [kv for kv in incl_c.most_common(400) if not kv[0].startswith(("java.lang.Thread", "java.util.concurrent"))][:top]:
        print(f"  {100*v/n:5.1f}%  {k}")

main()
