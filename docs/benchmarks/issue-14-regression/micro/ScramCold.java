import java.lang.management.ManagementFactory;
import org.apache.kafka.common.security.scram.internals.ScramFormatter;
import org.apache.kafka.common.security.scram.internals.ScramMechanism;
public class ScramCold {
  public static void main(String[] a) throws Exception {
    if (a.length > 0 && a[0].equals("accp")) {
      java.security.Security.insertProviderAt(com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider.INSTANCE, 1);
    }
    var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    byte[] pw = "password".getBytes(), salt = "salt-salt-salt".getBytes();
    for (int i = 1; i <= 5; i++) {
      long c0 = bean.getCurrentThreadCpuTime();
      new ScramFormatter(ScramMechanism.SCRAM_SHA_512).hi(pw, salt, 4096);
      System.out.printf("%s login %d: %.2f ms CPU%n", a.length > 0 ? a[0] : "jdk", i, (bean.getCurrentThreadCpuTime() - c0) / 1e6);
    }
  }
}
