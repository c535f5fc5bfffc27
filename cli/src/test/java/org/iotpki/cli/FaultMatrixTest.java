// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.iotpki.acme.AcmeEnrollmentClient;
import org.iotpki.acme.Http01Responder;
import org.iotpki.cmp.CmpClient;
import org.iotpki.core.cert.GeneralName;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.KeyPairs;
import org.iotpki.core.enroll.EnrollmentClient;
import org.iotpki.core.enroll.EnrollmentOutcome;
import org.iotpki.core.enroll.EnrollmentRequest;
import org.iotpki.core.enroll.EnrollmentTransportException;
import org.iotpki.core.enroll.EnrollmentTransportException.Failure;
import org.iotpki.core.testing.Pebble;
import org.iotpki.est.EstClient;
import org.iotpki.scep.ScepClient;
import org.iotpki.testkit.CmpServer;
import org.iotpki.testkit.EstServer;
import org.iotpki.testkit.FaultProxy;
import org.iotpki.testkit.PebbleServer;
import org.iotpki.testkit.ScepServer;
import org.iotpki.testkit.TestCa;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fault injection matrix: every enrollment client against its testkit server (Pebble for
 * ACME), each with a {@link FaultProxy} in front, under every fault that means something for its
 * protocol. Each case asserts the typed outcome the README's table documents, and that the call
 * returned within the client's timeout and a little slack for local work: no fault makes a client
 * hang or answer with an untyped failure.
 *
 * <p>Faults hit the enrollment exchange itself (EST simpleenroll, SCEP PKIOperation, CMP's ir); for
 * ACME, whose first exchange is the directory, they hit the directory.
 */
class FaultMatrixTest {
  private static final Duration TIMEOUT = Duration.ofMillis(500);
  private static final Duration SLACK = Duration.ofMillis(1500);
  private static final Duration RETRY_AFTER =
      Duration.ofSeconds(FaultProxy.Fault.RETRY_AFTER_SECONDS);
  private static final char[] SECRET = "matrix-secret".toCharArray();

  /** The clients under test. */
  enum Client { EST, SCEP, CMP, ACME }

  /** The faults, each made by the proxy, by the server, or by the client's configuration. */
  enum Fault {
    /** Nothing listens on the port. */
    CONNECTION_REFUSED,
    /** Bytes that are not TLS instead of the server's handshake. */
    NOT_TLS,
    /** A TLS server certificate from a CA the client does not trust. */
    UNTRUSTED_CA,
    /** The request is read, no answer comes. */
    SILENCE,
    /** The status line and headers come, then nothing. */
    STALL_AFTER_HEADERS,
    /** Half the body comes, then nothing. */
    STALL_IN_BODY,
    /** Half the body comes, then the connection closes. */
    TRUNCATED,
    /** HTTP 403 without a protocol message. */
    FORBIDDEN,
    /** HTTP 500 without a protocol message. */
    SERVER_ERROR,
    /** HTTP 503 with Retry-After. */
    UNAVAILABLE,
    /** HTTP 200 with a body of garbage. */
    GARBAGE_BODY,
    /** An answer signed by a key that is not the CA's (or its RA's, or its CMP server's). */
    WRONG_SIGNER,
    /** An answer to another nonce. */
    WRONG_NONCE,
    /** An answer for another transaction. */
    WRONG_TRANSACTION,
    /** The answer to an earlier enrollment, replayed. */
    REPLAY,
    /** EST: 202 with Retry-After. */
    PENDING
  }

  /** What a case must come to. */
  sealed interface Expected {
    /** An {@link EnrollmentTransportException} of this failure (and Retry-After, if any). */
    record Transport(Failure failure, Duration retryAfter) implements Expected {}

    /** A {@link EnrollmentOutcome.Rejected} with this code. */
    record Rejected(String code) implements Expected {}

    /** A {@link EnrollmentOutcome.Pending} to be asked again after this long. */
    record Pending(Duration retryAfter) implements Expected {}
  }

  private static Expected transport(Failure failure) {
    return new Expected.Transport(failure, null);
  }

  private static final Expected CONNECT = transport(Failure.CONNECT);
  private static final Expected TLS = transport(Failure.TLS);
  private static final Expected TIMEOUT_FAILURE = transport(Failure.TIMEOUT);
  private static final Expected TRUNCATION = transport(Failure.TRUNCATED);
  private static final Expected MALFORMED = transport(Failure.MALFORMED_RESPONSE);
  private static final Expected UNAVAILABLE =
      new Expected.Transport(Failure.UNAVAILABLE, RETRY_AFTER);

  /**
   * The matrix: per fault, the outcome of EST, SCEP, CMP and ACME, null where the fault does not
   * apply (no TLS under SCEP and CMP, no signed answers, nonces or transactions in EST's
   * answers, ACME's own replay protection tested elsewhere).
   */
  private static final Map<Fault, List<Expected>> MATRIX = Map.ofEntries(
      row(Fault.CONNECTION_REFUSED, CONNECT, CONNECT, CONNECT, CONNECT),
      row(Fault.NOT_TLS, TLS, null, null, TLS),
      row(Fault.UNTRUSTED_CA, TLS, null, null, TLS),
      row(Fault.SILENCE, TIMEOUT_FAILURE, TIMEOUT_FAILURE, TIMEOUT_FAILURE, TIMEOUT_FAILURE),
      row(Fault.STALL_AFTER_HEADERS,
          TIMEOUT_FAILURE, TIMEOUT_FAILURE, TIMEOUT_FAILURE, TIMEOUT_FAILURE),
      row(Fault.STALL_IN_BODY, TIMEOUT_FAILURE, TIMEOUT_FAILURE, TIMEOUT_FAILURE, TIMEOUT_FAILURE),
      row(Fault.TRUNCATED, TRUNCATION, TRUNCATION, TRUNCATION, TRUNCATION),
      row(Fault.FORBIDDEN, new Expected.Rejected("403"), new Expected.Rejected("HTTP 403"),
          MALFORMED, MALFORMED),
      row(Fault.SERVER_ERROR, new Expected.Rejected("500"), new Expected.Rejected("HTTP 500"),
          MALFORMED, MALFORMED),
      row(Fault.UNAVAILABLE, UNAVAILABLE, UNAVAILABLE, UNAVAILABLE, UNAVAILABLE),
      row(Fault.GARBAGE_BODY, MALFORMED, MALFORMED, MALFORMED, MALFORMED),
      row(Fault.WRONG_SIGNER, null, MALFORMED, MALFORMED, null),
      row(Fault.WRONG_NONCE, null, MALFORMED, MALFORMED, null),
      row(Fault.WRONG_TRANSACTION, null, MALFORMED, MALFORMED, null),
      row(Fault.REPLAY, MALFORMED, MALFORMED, MALFORMED, null),
      row(Fault.PENDING, new Expected.Pending(RETRY_AFTER), null, null, null));

  private static Map.Entry<Fault, List<Expected>> row(Fault fault, Expected est, Expected scep,
      Expected cmp, Expected acme) {
    return Map.entry(fault, java.util.Arrays.asList(est, scep, cmp, acme));
  }

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (Fault fault : Fault.values()) {
      for (Client client : Client.values()) {
        Expected expected = MATRIX.get(fault).get(client.ordinal());
        if (expected != null) {
          cases.add(Arguments.of(client, fault, expected));
        }
      }
    }
    return cases.stream();
  }

  private static Path dir;
  private static TestCa ca;
  private static EstServer est;
  private static ScepServer scep;
  private static CmpServer cmp;
  private static PebbleServer pebble;
  private static Http01Responder http01;
  private static FaultProxy estProxy;
  private static FaultProxy scepProxy;
  private static FaultProxy cmpProxy;
  private static FaultProxy acmeProxy;
  private static X509Certificate otherRoot;
  private static int refusingPort;

  @BeforeAll
  static void startPeers() throws Exception {
    dir = Files.createTempDirectory("fault-matrix");
    ca = TestCa.create();
    otherRoot = TestCa.create().root();
    est = EstServer.builder(ca).start();
    estProxy = FaultProxy.builder(est.uri()).target("simpleenroll")
        .tls(ca, est.trustAnchor()).start();
    scep = ScepServer.builder(ca).challenge(SECRET).start();
    scepProxy = FaultProxy.builder(scep.uri()).target("PKIOperation").start();
    cmp = CmpServer.builder(ca).sharedSecret("matrix", SECRET).start();
    cmpProxy = FaultProxy.builder(cmp.uri()).start();
    try (ServerSocket closed = new ServerSocket(0)) {
      refusingPort = closed.getLocalPort();
    }
  }

  @AfterAll
  static void stopPeers() throws IOException {
    for (AutoCloseable peer : new AutoCloseable[] {acmeProxy, http01, pebble, cmpProxy, cmp, scepProxy,
        scep, estProxy, est}) {
      try {
        if (peer != null) {
          peer.close();
        }
      } catch (Exception e) {
        throw new IllegalStateException("cannot stop " + peer, e);
      }
    }
  }

  @ParameterizedTest(name = "{0} under {1}: {2}")
  @MethodSource("cases")
  void eachFaultGivesItsTypedOutcomeWithinTheTimeout(Client client, Fault fault,
      Expected expected) throws Exception {
    EnrollmentClient target = target(client, fault);
    EnrollmentRequest request = request(client);
    if (fault == Fault.REPLAY) {
      assertThat(target.enroll(request(client)))
          .as("the enrollment whose answer is replayed")
          .isInstanceOf(EnrollmentOutcome.Issued.class);
    }
    inject(client, fault);

    Instant start = Instant.now();
    Object result;
    try {
      result = target.enroll(request);
    } catch (EnrollmentTransportException e) {
      result = e;
    }
    Instant end = Instant.now();

    assertThat(Duration.between(start, end)).as("time to the outcome")
        .isLessThanOrEqualTo(TIMEOUT.plus(SLACK));
    assertOutcome(result, expected, start, end);
  }

  private static void assertOutcome(Object result, Expected expected, Instant start,
      Instant end) {
    if (expected instanceof Expected.Transport transport) {
      assertThat(result).isInstanceOfSatisfying(EnrollmentTransportException.class, e -> {
        assertThat(e.failure()).as(e.toString()).isEqualTo(transport.failure());
        assertThat(e.retryAfter().orElse(null)).as("Retry-After")
            .isEqualTo(transport.retryAfter());
      });
    } else if (expected instanceof Expected.Rejected rejected) {
      assertThat(result).isInstanceOfSatisfying(EnrollmentOutcome.Rejected.class,
          outcome -> assertThat(outcome.code()).isEqualTo(rejected.code()));
    } else {
      Duration wait = ((Expected.Pending) expected).retryAfter();
      assertThat(result).isInstanceOfSatisfying(EnrollmentOutcome.Pending.class,
          pending -> assertThat(pending.enrollment().retryAt())
              .isBetween(start.plus(wait).minusSeconds(1), end.plus(wait)));
    }
  }

  /** A client, pointed where the fault needs it. */
  private static EnrollmentClient target(Client client, Fault fault) throws Exception {
    boolean refused = fault == Fault.CONNECTION_REFUSED;
    List<X509Certificate> trust = List.of(fault == Fault.UNTRUSTED_CA ? otherRoot : ca.root());
    switch (client) {
      case EST:
        return EstClient.builder(refused ? refusing(estProxy.uri()) : estProxy.uri())
            .trustAnchors(trust).ignoreCsrAttributes().timeout(TIMEOUT).build();
      case SCEP: {
        ScepClient scepClient = ScepClient.builder(refused ? refusing(scepProxy.uri())
            : scepProxy.uri()).timeout(TIMEOUT).build();
        if (!refused) {
          scepClient.capabilities(); // asked once and cached: the faults hit the PKIOperation
          scepClient.scepCaCertificates();
        }
        return scepClient;
      }
      case CMP:
        return CmpClient.builder(refused ? refusing(cmpProxy.uri()) : cmpProxy.uri())
            .sharedSecret("matrix", SECRET).trustAnchors(List.of(ca.root())).implicitConfirm()
            .timeout(TIMEOUT).build();
      default: {
        FaultProxy proxy = acmeProxy();
        // Pebble validates every challenge: the responder is never asked, but the client needs one.
        return AcmeEnrollmentClient.builder(refused ? refusing(proxy.uri())
            : proxy.uri()).trustAnchors(fault == Fault.UNTRUSTED_CA ? trust
            : List.of(ca.root(), pebble.tlsTrust()))
            .accountKey(KeyPairs.generate(KeyAlgorithm.EC_P256)).agreeToTermsOfService()
            .responder(http01).timeout(TIMEOUT).build();
      }
    }
  }

  private static synchronized FaultProxy acmeProxy() throws Exception {
    if (acmeProxy == null) {
      Pebble.require();
      pebble = PebbleServer.builder(dir.resolve("pebble")).alwaysValid().start();
      http01 = Http01Responder.start(new InetSocketAddress("127.0.0.1", 0));
      acmeProxy = FaultProxy.builder(pebble.directory()).target("/dir")
          .tls(ca, pebble.tlsTrust()).start();
    }
    return acmeProxy;
  }

  private static URI refusing(URI uri) {
    return URI.create(uri.getScheme() + "://127.0.0.1:" + refusingPort + uri.getRawPath());
  }

  private static EnrollmentRequest request(Client client) {
    String name = client.name().toLowerCase(java.util.Locale.ROOT) + "-device.matrix.test";
    EnrollmentRequest.Builder request = EnrollmentRequest.builder().subject("CN=" + name)
        .subjectAltNames(GeneralName.dns(name));
    switch (client) {
      case EST:
        return request.generateKey(KeyAlgorithm.EC_P256)
            .httpCredentials(est.username(), est.password()).build();
      case SCEP: {
        KeyPair key = KeyPairs.generate(KeyAlgorithm.RSA_2048);
        return request.key(key).challengePassword(SECRET).build();
      }
      default:
        return request.generateKey(KeyAlgorithm.EC_P256).build();
    }
  }

  private static void inject(Client client, Fault fault) {
    switch (fault) {
      case CONNECTION_REFUSED:
      case UNTRUSTED_CA:
        return;
      case PENDING:
        est.enqueue(EstServer.Fault.pending(RETRY_AFTER));
        return;
      case WRONG_SIGNER:
      case WRONG_NONCE:
      case WRONG_TRANSACTION:
        if (client == Client.SCEP) {
          scep.enqueue(ScepServer.Fault.valueOf(fault.name()));
        } else {
          cmp.enqueue(CmpServer.Fault.valueOf(fault.name()));
        }
        return;
      default:
        proxy(client).enqueue(FaultProxy.Fault.valueOf(fault.name()));
    }
  }

  private static FaultProxy proxy(Client client) {
    switch (client) {
      case EST:
        return estProxy;
      case SCEP:
        return scepProxy;
      case CMP:
        return cmpProxy;
      default:
        return acmeProxy;
    }
  }
}
