// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.enroll.EnrollmentClient;
import org.iotpki.core.enroll.EnrollmentRequest;
import org.iotpki.core.io.PkiReader;
import org.iotpki.core.keys.PinSource;
import org.iotpki.core.keys.Pkcs11Uri;
import org.iotpki.core.keys.TokenKeys;
import org.iotpki.core.lifecycle.FileCredentialStore;
import org.iotpki.core.lifecycle.RenewalSchedule;
import org.iotpki.cmp.CmpClient;
import org.iotpki.est.EstClient;
import org.iotpki.scep.ScepClient;

/**
 * The renewal agent's configuration file ({@code iotpki agent run --config F}): a Java
 * properties file. Relative paths are relative to the file's directory.
 *
 * <pre>
 * store = identity                       # the credential store directory
 * store.keys = pkcs11:token=device;object=identity   # optional: keys in a PKCS#11 token, labelled
 *                                        # object-1, object-2, ...; with module-path= in the URI
 *                                        # or store.pkcs11-module, and pin-source= in the URI or
 *                                        # store.pin-file
 * subject = CN=sensor-0042
 * bootstrap = scep                       # optional: est, scep or cmp, for the first credential
 * bootstrap.url = http://ca.example/scep
 * bootstrap.challenge = s3cret           # SCEP challenge password
 * renewal = est                          # est, scep or cmp, authenticated by the current credential
 * renewal.url = https://ca.example:8443/.well-known/est
 * renewal.trust = est-ca.pem             # EST: the CA the server's TLS certificate chains to;
 *                                        # CMP: the root signed answers chain to
 * renew-from = 0.667                     # fractions of the lifetime (default 2/3 .. 5/6)
 * renew-until = 0.833
 * retry-interval-seconds = 3600
 * timeout-seconds = 30
 * poll-interval-seconds = 60             # SCEP: when to poll a PENDING request
 * </pre>
 *
 * <p>Per role: {@code .key-type} (default RSA 2048 for SCEP, which encrypts its answer to the
 * requester's key, EC P-256 for EST and CMP), {@code .username}/{@code .password} (EST HTTP
 * Basic), {@code .label} (EST CA label), and {@code .reference}/{@code .secret} (the CMP shared
 * secret that protects a bootstrap's ir; a CMP renewal is a kur signed with the current
 * credential). Unknown keys are an error: a misspelt key must not be ignored.
 */
final class AgentConfig {
  private static final Set<String> ROLE_KEYS =
      Set.of("", ".url", ".trust", ".challenge", ".username", ".password", ".label", ".key-type",
          ".reference", ".secret");
  private static final Set<String> KEYS = Set.of("store", "store.keys", "store.pkcs11-module",
      "store.pin-file", "subject", "renew-from", "renew-until",
      "retry-interval-seconds", "timeout-seconds", "poll-interval-seconds");

  private final Properties properties;
  private final Path base;

  private AgentConfig(Properties properties, Path base) {
    this.properties = properties;
    this.base = base;
  }

  static AgentConfig read(Path file) throws IOException {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    Set<String> unknown = new HashSet<>(properties.stringPropertyNames());
    unknown.removeIf(key -> KEYS.contains(key) || ROLE_KEYS.stream()
        .anyMatch(suffix -> key.equals("bootstrap" + suffix) || key.equals("renewal" + suffix)));
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(file + ": unknown settings " + unknown);
    }
    return new AgentConfig(properties, file.toAbsolutePath().getParent());
  }

  Path store() {
    return base.resolve(required("store"));
  }

  /**
   * Opens the credential store: the directory, with its keys in the token {@code store.keys}
   * names (its {@code object} is the store's key label prefix) where given.
   *
   * @throws IllegalArgumentException if the token settings are wrong or the token cannot be used
   */
  FileCredentialStore openStore() throws IOException {
    Optional<String> keys = optional("store.keys");
    if (keys.isEmpty()) {
      return FileCredentialStore.open(store());
    }
    Pkcs11Uri uri = Pkcs11Uri.parse(keys.get());
    Path module = optional("store.pkcs11-module").map(base::resolve).orElse(null);
    try {
      TokenKeys token = Pkcs11KeyOptions.openToken(uri, "store.pkcs11-module", module,
          () -> PinSource.file(base.resolve(required("store.pin-file"))));
      return FileCredentialStore.openWithTokenKeys(store(), token, uri.object());
    } catch (GeneralSecurityException | IllegalStateException e) {
      throw new IllegalArgumentException("cannot use the token of store.keys (" + uri + "): "
          + e.getMessage(), e);
    }
  }

  RenewalSchedule schedule() {
    return RenewalSchedule.between(
        number("renew-from", 2.0 / 3), number("renew-until", 5.0 / 6));
  }

  Duration retryInterval() {
    return Duration.ofSeconds((long) number("retry-interval-seconds", 3600));
  }

  boolean hasBootstrap() {
    return properties.containsKey("bootstrap");
  }

  EnrollmentClient client(String role) throws IOException, PkiParseException {
    URI url = URI.create(required(role + ".url"));
    Duration timeout = Duration.ofSeconds((long) number("timeout-seconds", 30));
    switch (protocol(role)) {
      case "est":
        EstClient.Builder est = EstClient.builder(url)
            .trustAnchors(PkiReader.defaults().readCertificates(
                base.resolve(required(role + ".trust"))))
            .timeout(timeout);
        optional(role + ".label").ifPresent(est::label);
        return est.build();
      case "scep":
        return ScepClient.builder(url).timeout(timeout)
            .pollInterval(Duration.ofSeconds((long) number("poll-interval-seconds", 60))).build();
      case "cmp":
        CmpClient.Builder cmp = CmpClient.builder(url).timeout(timeout);
        Optional<String> trust = optional(role + ".trust");
        if (trust.isPresent()) {
          cmp.trustAnchors(PkiReader.defaults().readCertificates(base.resolve(trust.get())));
        }
        Optional<String> reference = optional(role + ".reference");
        if (reference.isPresent()) {
          cmp.sharedSecret(reference.get(), required(role + ".secret").toCharArray());
        }
        return cmp.build();
      default:
        throw new AssertionError();
    }
  }

  EnrollmentRequest request(String role) {
    KeyAlgorithm defaultKey =
        protocol(role).equals("scep") ? KeyAlgorithm.RSA_2048 : KeyAlgorithm.EC_P256;
    KeyAlgorithm keyType = optional(role + ".key-type")
        .map(name -> new KeyAlgorithmConverter().convert(name)).orElse(defaultKey);
    EnrollmentRequest.Builder builder =
        EnrollmentRequest.builder().subject(required("subject")).generateKey(keyType);
    optional(role + ".challenge").ifPresent(c -> builder.challengePassword(c.toCharArray()));
    optional(role + ".username").ifPresent(user -> builder.httpCredentials(user,
        optional(role + ".password").orElse("").toCharArray()));
    return builder.build();
  }

  private String protocol(String role) {
    String protocol = required(role).toLowerCase(Locale.ROOT);
    if (!List.of("est", "scep", "cmp").contains(protocol)) {
      throw new IllegalArgumentException(role + " must be est, scep or cmp, not " + protocol);
    }
    return protocol;
  }

  private String required(String key) {
    return optional(key).orElseThrow(
        () -> new IllegalArgumentException("the agent configuration needs " + key));
  }

  private Optional<String> optional(String key) {
    return Optional.ofNullable(properties.getProperty(key)).map(String::trim)
        .filter(value -> !value.isEmpty());
  }

  private double number(String key, double defaultValue) {
    Optional<String> value = optional(key);
    try {
      return value.isEmpty() ? defaultValue : Double.parseDouble(value.get());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a number, not " + value.get());
    }
  }
}
