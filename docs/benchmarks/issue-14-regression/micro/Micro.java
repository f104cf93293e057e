import java.security.*; import javax.crypto.*; import javax.crypto.spec.*;
public class Micro {
  interface Op { void run() throws Exception; }
  static double time(Op op) throws Exception { for (int i=0;i<20000;i++) op.run(); long t=System.nanoTime(); int n=0; while(System.nanoTime()-t<1_500_000_000L){op.run();n++;} return (System.nanoTime()-t)/1e3/n; }
  public static void main(String[] a) throws Exception {
    boolean accp = a.length>0 && a[0].equals("accp");
    if (accp) Security.insertProviderAt(com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider.INSTANCE, 1);
    byte[] k=new byte[32]; byte[] rec=new byte[1024]; byte[] rec16=new byte[16384];
    Cipher c=Cipher.getInstance("AES/GCM/NoPadding"); SecretKeySpec key=new SecretKeySpec(k,"AES");
    long[] ctr={0};
    Op gcm=()->{ byte[] iv=new byte[12]; long x=ctr[0]++; for(int i=0;i<8;i++) iv[i]=(byte)(x>>>(8*i)); c.init(Cipher.ENCRYPT_MODE,key,new GCMParameterSpec(128,iv)); c.updateAAD(new byte[13]); c.doFinal(rec); };
    Op gcm16=()->{ byte[] iv=new byte[12]; long x=ctr[0]++; for(int i=0;i<8;i++) iv[i]=(byte)(x>>>(8*i)); c.init(Cipher.ENCRYPT_MODE,key,new GCMParameterSpec(128,iv)); c.updateAAD(new byte[13]); c.doFinal(rec16); };
    MessageDigest sha=MessageDigest.getInstance("SHA-256"); Op dig=()->sha.digest(rec);
    KeyPairGenerator g=KeyPairGenerator.getInstance("RSA"); g.initialize(2048); KeyPair kp=g.generateKeyPair();
    Signature s=Signature.getInstance("SHA256withRSA"); s.initSign(kp.getPrivate()); s.update(rec); byte[] sig=s.sign();
    Signature v=Signature.getInstance("SHA256withRSA"); Op rsa=()->{ v.initVerify(kp.getPublic()); v.update(rec); if(!v.verify(sig)) throw new IllegalStateException(); };
    Op uuid=()->java.util.UUID.randomUUID();
    System.out.printf("%s: AES-GCM 1KB %.2f us, 16KB %.2f us, SHA-256 1KB %.2f us, RS256 verify %.1f us, UUID %.2f us (%s)%n", accp?"accp":"jdk", time(gcm), time(gcm16), time(dig), time(rsa), time(uuid), c.getProvider().getName());
  }
}
