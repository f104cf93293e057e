#!/usr/bin/env python3
# threads.py file.jfr: mean CPU (share of one core) per thread (jdk.ThreadCPULoad) and of the JVM (jdk.CPULoad)
import collections, json, subprocess, sys
ev = json.loads(subprocess.run(["jfr","print","--json","--events","jdk.ThreadCPULoad,jdk.CPULoad,jdk.GCPhasePause,jdk.Compilation",sys.argv[1]],capture_output=True,text=True,check=True).stdout)["recording"]["events"]
per = collections.defaultdict(list); jvm=[]; gc=0.0; comp=0.0
def dur(s):
    s=s.strip()
    for suf,m in (("ms",1e-3),("us",1e-6),("ns",1e-9),("s",1)):
        if s.endswith(suf): return float(s[:-len(suf)])*m
    return 0
for e in ev:
    v=e["values"]; t=e["type"]
    if t=="jdk.ThreadCPULoad":
        th=v["eventThread"]; name=(th.get("javaName") or th.get("osName") or "?")
        name="".join("#" if ch.isdigit() else ch for ch in name)
        per[name].append((v["user"]+v["system"], v["user"], v["system"], th.get("javaThreadId")))
    elif t=="jdk.CPULoad": jvm.append((v["jvmUser"],v["jvmSystem"],v["machineTotal"]))
    elif t=="jdk.GCPhasePause": gc+=dur(v["duration"]) if isinstance(v["duration"],str) else v["duration"]
import statistics
ncpu=2
if jvm:
    print(f"JVM user {100*ncpu*statistics.mean(j[0] for j in jvm):.0f}% sys {100*ncpu*statistics.mean(j[1] for j in jvm):.0f}% of one core; machine {100*ncpu*statistics.mean(j[2] for j in jvm):.0f}% (of 200)")
rows=[]
for name, xs in per.items():
    # several threads share a name pattern: sum the mean of each thread
    by=collections.defaultdict(list)
    for tot,u,s,tid in xs: by[tid].append((tot,u,s))
    tot=sum(statistics.mean(a[0] for a in l) for l in by.values())*ncpu*100
    sys_=sum(statistics.mean(a[2] for a in l) for l in by.values())*ncpu*100
    rows.append((tot,sys_,name,len(by)))
for tot,s,name,n in sorted(rows,reverse=True)[:14]:
    print(f"  {tot:5.1f}% (sys {s:4.1f}%)  {name} x{n}")
print(f"GC pauses total {gc}")
