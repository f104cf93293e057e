package org.tcc.stack.infra;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;

/**
 * The broker's identities, for the test broker and the local stack alike: a throw-away TLS key and self-signed
 * certificate for the broker (made with the JDK's {@code keytool}, written next to the broker's data, never
 * committed), a fresh random password for the broker and for every {@link KafkaPrincipal}, the broker settings that
 * turn authentication and authorisation on, and {@link #provision} which creates the SCRAM users and ACLs.
 *
 * <p>Listeners: {@value #CLIENT_LISTENER} (SASL_SSL, SCRAM-SHA-512 only) is the one every service, feed and tool
 * uses; {@value #INTERNAL_LISTENER} (SASL_SSL, PLAIN, only the broker's own user) carries inter-broker traffic and
 * the provisioning; {@value #CONTROLLER_LISTENER} (SASL_SSL, PLAIN) the KRaft controller traffic, where SCRAM cannot
 * be used (its credentials live in the metadata the controller serves). {@code User:broker} is the only super user;
 * {@code StandardAuthorizer} refuses whatever no ACL allows.
 */
public final class KafkaSecurity {

    public static final String CLIENT_LISTENER = "EXTERNAL";
    public static final String INTERNAL_LISTENER = "INTERNAL";
    public static final String CONTROLLER_LISTENER = "CONTROLLER";

    private static final String KEYSTORE = "broker.p12";
    private static final String TRUSTSTORE = "broker-cert.pem";
    private static final String CREDENTIALS = "credentials.properties";
    private static final String KEYSTORE_PASSWORD = "keystore.password";
    private static final int SCRAM_ITERATIONS = 4096;

    private final Path dir;
    private final Map<String, String> passwords;

    private KafkaSecurity(Path dir, Map<String, String> passwords) {
        this.dir = dir;
        this.passwords = passwords;
    }

    /**
     * Makes new TLS material and passwords under {@code dir} (replacing what an earlier run left): readable by the
     * owner only. Called once per broker start-up by whoever starts the broker.
     */
    public static KafkaSecurity generate(Path dir) {
        try {
            Files.createDirectories(dir);
            ownerOnly(dir);
            Map<String, String> passwords = new LinkedHashMap<>();
            passwords.put(KEYSTORE_PASSWORD, randomSecret());
            passwords.put(KafkaPrincipal.BROKER, randomSecret());
            for (KafkaPrincipal p : KafkaPrincipal.values()) {
                passwords.put(p.user(), randomSecret());
            }
            Files.deleteIfExists(dir.resolve(KEYSTORE));
            Files.deleteIfExists(dir.resolve(TRUSTSTORE));
            String storePassword = passwords.get(KEYSTORE_PASSWORD);
            keytool(storePassword, "-genkeypair", "-alias", "tcc-kafka", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-sigalg", "SHA256withECDSA", "-dname", "CN=tcc-kafka-broker, O=TCC local only",
                    "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "30",
                    "-storetype", "PKCS12", "-keystore", dir.resolve(KEYSTORE).toString(),
                    "-storepass:env", "TCC_KEYSTORE_PASSWORD", "-keypass:env", "TCC_KEYSTORE_PASSWORD");
            keytool(storePassword, "-exportcert", "-rfc", "-alias", "tcc-kafka", "-keystore",
                    dir.resolve(KEYSTORE).toString(), "-storetype", "PKCS12", "-storepass:env",
                    "TCC_KEYSTORE_PASSWORD", "-file", dir.resolve(TRUSTSTORE).toString());
            Path credentials = dir.resolve(CREDENTIALS);
            Properties props = new Properties();
            props.putAll(passwords);
            Files.deleteIfExists(credentials);
            Files.createFile(credentials);
            ownerOnly(credentials);
            try (Writer out = Files.newBufferedWriter(credentials, StandardCharsets.UTF_8)) {
                props.store(out, "Kafka passwords of this broker run (local only, regenerated at every start)");
            }
            ownerOnly(dir.resolve(KEYSTORE));
            return new KafkaSecurity(dir, passwords);
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare the Kafka broker's TLS key and passwords in " + dir
                    + ": " + e, e);
        }
    }

    /** What {@link #generate} wrote under {@code dir}, for a client in another process (a tool, a test JVM). */
    public static KafkaSecurity load(Path dir) {
        Path credentials = dir.resolve(CREDENTIALS);
        if (!Files.isRegularFile(credentials)) {
            throw new IllegalStateException("no Kafka credentials in " + dir + ": is the stack up (./tcc up)?");
        }
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(credentials, StandardCharsets.UTF_8)) {
            props.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + credentials + ": " + e, e);
        }
        Map<String, String> passwords = new LinkedHashMap<>();
        props.stringPropertyNames().forEach(name -> passwords.put(name, props.getProperty(name)));
        return new KafkaSecurity(dir, passwords);
    }

    public Path dir() {
        return dir;
    }

    /** The broker's certificate (PEM): the trust anchor of every client. */
    public Path truststore() {
        return dir.resolve(TRUSTSTORE);
    }

    public String password(KafkaPrincipal principal) {
        String password = passwords.get(principal.user());
        if (password == null) {
            throw new IllegalStateException("no password for " + principal.user() + " in " + dir);
        }
        return password;
    }

    /** {@code principal}'s client of the client listener at {@code bootstrap}. */
    public KafkaClient client(String bootstrap, KafkaPrincipal principal) {
        return KafkaClient.scram(bootstrap, principal.user(), password(principal), truststore());
    }

    /** The broker's own identity on the internal listener at {@code internalBootstrap} (super user). */
    public KafkaClient broker(String internalBootstrap) {
        return new KafkaClient(internalBootstrap, KafkaClient.PLAIN, KafkaPrincipal.BROKER,
                passwords.get(KafkaPrincipal.BROKER), truststore());
    }

    /**
     * The security part of the broker's configuration (listener names and protocols, SASL, TLS, authorizer); the
     * caller adds node id, roles, {@code listeners} and directories.
     */
    public Map<String, String> brokerProperties() {
        String brokerPassword = passwords.get(KafkaPrincipal.BROKER);
        String plain = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                + KafkaPrincipal.BROKER + "\" password=\"" + brokerPassword + "\" user_" + KafkaPrincipal.BROKER
                + "=\"" + brokerPassword + "\";";
        Map<String, String> p = new LinkedHashMap<>();
        p.put("listener.security.protocol.map", CLIENT_LISTENER + ":SASL_SSL," + INTERNAL_LISTENER + ":SASL_SSL,"
                + CONTROLLER_LISTENER + ":SASL_SSL");
        p.put("inter.broker.listener.name", INTERNAL_LISTENER);
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("sasl.enabled.mechanisms", KafkaClient.SCRAM);
        p.put(prefix(INTERNAL_LISTENER) + "sasl.enabled.mechanisms", KafkaClient.PLAIN);
        p.put(prefix(CONTROLLER_LISTENER) + "sasl.enabled.mechanisms", KafkaClient.PLAIN);
        p.put("sasl.mechanism.inter.broker.protocol", KafkaClient.PLAIN);
        p.put("sasl.mechanism.controller.protocol", KafkaClient.PLAIN);
        p.put(prefix(CLIENT_LISTENER) + "scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        p.put(prefix(INTERNAL_LISTENER) + "plain.sasl.jaas.config", plain);
        p.put(prefix(CONTROLLER_LISTENER) + "plain.sasl.jaas.config", plain);
        p.put("ssl.keystore.type", "PKCS12");
        p.put("ssl.keystore.location", dir.resolve(KEYSTORE).toAbsolutePath().toString());
        p.put("ssl.keystore.password", passwords.get(KEYSTORE_PASSWORD));
        p.put("ssl.key.password", passwords.get(KEYSTORE_PASSWORD));
        p.put("ssl.truststore.type", "PEM");
        p.put("ssl.truststore.location", truststore().toAbsolutePath().toString());
        p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.put("allow.everyone.if.no.acl.found", "false");
        p.put("super.users", "User:" + KafkaPrincipal.BROKER);
        return p;
    }

    /**
     * Creates (or resets) the SCRAM users of {@code principals} with this run's passwords and makes the broker's
     * ACLs exactly theirs (stale ones from an earlier run are removed), as the broker itself over the internal
     * listener; returns once the broker applies them and a principal can log in on the client listener.
     */
    public void provision(String internalBootstrap, String clientBootstrap, List<KafkaPrincipal> principals,
                          Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(broker(internalBootstrap).properties())) {
            List<UserScramCredentialAlteration> users = new ArrayList<>();
            for (KafkaPrincipal p : principals) {
                users.add(new UserScramCredentialUpsertion(p.user(),
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS), password(p)));
            }
            admin.alterUserScramCredentials(users).all().get(30, TimeUnit.SECONDS);
            Set<AclBinding> wanted = new HashSet<>(KafkaPrincipal.acls(principals));
            Collection<AclBinding> existing = admin.describeAcls(AclBindingFilter.ANY).values()
                    .get(30, TimeUnit.SECONDS);
            List<AclBindingFilter> stale = existing.stream().filter(b -> !wanted.contains(b))
                    .map(AclBinding::toFilter).toList();
            if (!stale.isEmpty()) {
                admin.deleteAcls(stale).all().get(30, TimeUnit.SECONDS);
            }
            List<AclBinding> missing = wanted.stream().filter(b -> !existing.contains(b)).toList();
            if (!missing.isEmpty()) {
                admin.createAcls(missing).all().get(30, TimeUnit.SECONDS);
            }
            while (true) {
                Set<AclBinding> seen = new HashSet<>(admin.describeAcls(AclBindingFilter.ANY).values()
                        .get(30, TimeUnit.SECONDS));
                if (seen.equals(wanted)) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the broker did not apply its ACLs within " + timeout);
                }
                Thread.sleep(100);
            }
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot provision Kafka users and ACLs: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (!principals.isEmpty()) {
            awaitLogin(client(clientBootstrap, principals.get(principals.size() - 1)), deadline, timeout);
        }
    }

    private static void awaitLogin(KafkaClient client, long deadline, Duration timeout) {
        Properties props = client.properties();
        props.put("request.timeout.ms", "5000");
        props.put("default.api.timeout.ms", "5000");
        while (true) {
            try (Admin admin = Admin.create(props)) {
                admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS);
                return;
            } catch (Exception e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(client.user() + " cannot log in to Kafka within " + timeout
                            + ": " + e, e);
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(interrupted);
                }
            }
        }
    }

    private static String prefix(String listener) {
        return "listener.name." + listener.toLowerCase(java.util.Locale.ROOT) + ".";
    }

    private static String randomSecret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Runs the JDK's keytool; the store password goes through the environment, not the command line. */
    private static void keytool(String storePassword, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("TCC_KEYSTORE_PASSWORD", storePassword);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (process.waitFor() != 0) {
                throw new IOException("keytool " + args[0] + " failed: " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running keytool", e);
        }
    }

    private static void ownerOnly(Path path) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
                    Files.isDirectory(path) ? "rwx------" : "rw-------"));
        }
    }
}
