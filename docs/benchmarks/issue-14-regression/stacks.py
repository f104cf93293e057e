#!/usr/bin/env python3
# stacks.py file.jfr SUBSTR [depth]: the most common stacks (truncated to depth frames above the first match)
import collections, json, subprocess, sys
path, sub = sys.argv[1], sys.argv[2]; depth = int(sys.argv[3]) if len(sys.argv) > 3 else 12
ev = json.loads(subprocess.run(["jfr","print","--json","--stack-depth","96","--events","jdk.ExecutionSample",path],capture_output=True,text=True,check=True).stdout)["recording"]["events"]
c = collections.Counter(); n=0; tot=0
for e in ev:
    fr = [f["method"]["type"]["name"].replace("/",".")+"."+f["method"]["name"] for f in (e["values"]["stackTrace"] or {}).get("frames",[])]
    tot+=1
    idx = next((i for i,f in enumerate(fr) if sub in f), None)
    if idx is None: continue
    n+=1
    c[" <- ".join(fr[idx:idx+depth])] += 1
print(f"{n}/{tot} samples contain {sub}")
for k,v in c.most_common(8): print(f"{v:4d}  {k}\n")
