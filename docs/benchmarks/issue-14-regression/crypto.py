#!/usr/bin/env python3
import collections, json, subprocess, sys
ev = json.loads(subprocess.run(["jfr","print","--json","--stack-depth","96","--events","jdk.ExecutionSample",sys.argv[1]],capture_output=True,text=True,check=True).stdout)["recording"]["events"]
c=collections.Counter(); n=0
RULES=[("SCRAM handshake","ScramFormatter"),("TLS handshake","SSLHandshake"),("TLS handshake","HandshakeContext"),("TLS handshake","ClientHello"),("TLS record (AES-GCM)","SSLEngineImpl"),("TLS record (AES-GCM)","SSLCipher"),("OIDC token (RS256)","jose4j"),("OIDC token (RS256)","io.quarkus.oidc"),("ES256 report","ReportAuthenticity"),("audit chain hash","AuditChain"),("checkpoint sign","Checkpoints"),("UUID/random","SecureRandom")]
for e in ev:
    fr=[f["method"]["type"]["name"].replace("/",".")+"."+f["method"]["name"] for f in (e["values"]["stackTrace"] or {}).get("frames",[])]
    n+=1
    if not fr or not any(x.startswith(("sun.security","javax.crypto","com.sun.crypto","java.math","com.amazon")) for x in fr[:3]): continue
    lab=next((l for l,s in RULES for x in fr if s in x),"other crypto: "+fr[0])
    c[lab]+=1
for k,v in c.most_common(12): print(f"  {100*v/n:5.1f}%  {k}")
