// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.lifecycle;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.iotpki.core.cert.CertificateBuilder;
import org.iotpki.core.cert.Credential;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.Signer;
import org.iotpki.core.enroll.EnrollmentClient;
import org.iotpki.core.enroll.EnrollmentKey;
import org.iotpki.core.enroll.EnrollmentOutcome;
import org.iotpki.core.enroll.EnrollmentRequest;
import org.iotpki.core.enroll.EnrollmentTransportException;
import org.iotpki.core.enroll.PendingEnrollment;
import org.iotpki.core.testing.Issuer;

/**
 * An in-memory CA behind the enrollment interface, scripted answer by answer, recording every
 * request: what the agent tests check "no duplicate enrollment" against.
 */
final class FakeCa implements EnrollmentClient {
  enum Answer { ISSUE, PENDING, REJECT, UNREACHABLE }

  private final Issuer ca;
  private final Clock clock;
  private final Duration lifetime;
  private final Deque<Answer> script = new ArrayDeque<>();
  private final Map<String, PublicKey> pendingKeys = new HashMap<>();
  final List<String> calls = new ArrayList<>();
  final List<PublicKey> requestedKeys = new ArrayList<>();
  final List<Credential> renewedWith = new ArrayList<>();
  final List<X509Certificate> issued = new ArrayList<>();

  FakeCa(Clock clock, Duration lifetime) throws Exception {
    this.ca = Issuer.root("CN=Fake CA", KeyAlgorithm.EC_P256);
    this.clock = clock;
    this.lifetime = lifetime;
  }

  FakeCa answer(Answer... answers) {
    script.addAll(List.of(answers));
    return this;
  }

  X509Certificate certificate() {
    return ca.certificate();
  }

  @Override
  public List<X509Certificate> caCertificates() {
    return List.of(ca.certificate());
  }

  @Override
  public EnrollmentOutcome enroll(EnrollmentRequest request) throws EnrollmentTransportException {
    calls.add("enroll");
    return answer(publicKey(request));
  }

  @Override
  public EnrollmentOutcome renew(Credential current, EnrollmentRequest request)
      throws EnrollmentTransportException {
    calls.add("renew");
    renewedWith.add(current);
    return answer(publicKey(request));
  }

  @Override
  public EnrollmentOutcome poll(PendingEnrollment pending) throws EnrollmentTransportException {
    calls.add("poll");
    return answer(pendingKeys.get(pending.transactionId()));
  }

  @Override
  public EnrollmentOutcome poll(PendingEnrollment pending, Credential current)
      throws EnrollmentTransportException {
    return poll(pending);
  }

  private EnrollmentOutcome answer(PublicKey key) throws EnrollmentTransportException {
    Answer answer = script.isEmpty() ? Answer.ISSUE : script.poll();
    switch (answer) {
      case PENDING:
        String transaction = "t" + pendingKeys.size();
        pendingKeys.put(transaction, key);
        return new EnrollmentOutcome.Pending(new PendingEnrollment(
            "fake", transaction, clock.instant().plusSeconds(60), Map.of()));
      case REJECT:
        return new EnrollmentOutcome.Rejected("badRequest", "scripted refusal");
      case UNREACHABLE:
        throw new EnrollmentTransportException(EnrollmentTransportException.Failure.CONNECT,
            true, "scripted outage", null);
      default:
        try {
          Instant now = clock.instant();
          X509Certificate certificate = CertificateBuilder.create()
              .subject("CN=device")
              .publicKey(key)
              .issuer(ca.certificate())
              .validity(now, now.plus(lifetime))
              .sign(Signer.of(ca.keyPair()));
          issued.add(certificate);
          return new EnrollmentOutcome.Issued(List.of(certificate, ca.certificate()),
              java.util.Optional.empty());
        } catch (Exception e) {
          throw new AssertionError(e);
        }
    }
  }

  private PublicKey publicKey(EnrollmentRequest request) {
    PublicKey key = ((EnrollmentKey.Existing) request.key()).signer().publicKey();
    requestedKeys.add(key);
    return key;
  }
}
