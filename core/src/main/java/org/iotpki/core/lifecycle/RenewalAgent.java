// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.lifecycle;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.iotpki.core.cert.Credential;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.enroll.EnrollmentClient;
import org.iotpki.core.enroll.EnrollmentKey;
import org.iotpki.core.enroll.EnrollmentOutcome;
import org.iotpki.core.enroll.EnrollmentRequest;
import org.iotpki.core.enroll.EnrollmentTransportException;
import org.iotpki.core.enroll.PendingEnrollment;
import org.iotpki.core.enroll.RetryPolicy;
import org.iotpki.core.internal.Durations;
import org.iotpki.core.lifecycle.RenewalEvent.Type;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a device's credential renewed: bootstraps the first one (SCEP with a challenge, say),
 * renews it with the current one before it expires (EST, CMP), and survives restarts and power
 * cuts at any point through its {@link CredentialStore}.
 *
 * <p>Each {@link #runOnce()} pass does what is due and says when the next one is:
 *
 * <ol>
 *   <li>finishes what a crash interrupted: activates a staged credential, checks an unconfirmed
 *       one;
 *   <li>without a credential (or with an expired one, if a bootstrap client is set) enrolls with
 *       the bootstrap client; when the schedule says so, renews with the renewal client;
 *   <li>makes a new key for every enrollment and stores it before sending the request, so that
 *       after a restart the same request is sent again (or its pending answer polled) instead of
 *       a second enrollment being started;
 *   <li>stages, activates and confirms the issued credential, keeping the previous one until
 *       the {@link CredentialCheck} accepts the new one.
 * </ol>
 *
 * <pre>{@code
 * try (var store = FileCredentialStore.open(Path.of("/var/lib/device/identity"))) {
 *   RenewalAgent agent = RenewalAgent.builder()
 *       .store(store)
 *       .bootstrap(scepClient, bootstrapRequest)   // with the factory's challenge password
 *       .renewal(estClient, renewalRequest)        // authenticated by the current credential
 *       .build();
 *   RenewalResult result = agent.runOnce();
 *   sleepUntil(result.nextRun());
 * }
 * }</pre>
 */
public final class RenewalAgent {
  private static final Logger LOG = LoggerFactory.getLogger(RenewalAgent.class);

  private final CredentialStore store;
  private final EnrollmentClient renewalClient;
  private final EnrollmentRequest renewalRequest;
  private final Optional<EnrollmentClient> bootstrapClient;
  private final Optional<EnrollmentRequest> bootstrapRequest;
  private final RenewalSchedule schedule;
  private final RetryPolicy retryPolicy;
  private final Duration retryInterval;
  private final Optional<RenewalInfoSource> renewalInfo;
  private final CredentialCheck check;
  private final EventSink events;
  private final Clock clock;

  private RenewalAgent(Builder builder) {
    this.store = builder.store;
    this.renewalClient = builder.renewalClient;
    this.renewalRequest = builder.renewalRequest;
    this.bootstrapClient = Optional.ofNullable(builder.bootstrapClient);
    this.bootstrapRequest = Optional.ofNullable(builder.bootstrapRequest);
    this.schedule = builder.schedule;
    this.retryPolicy = builder.retryPolicy;
    this.retryInterval = builder.retryInterval;
    this.renewalInfo = Optional.ofNullable(builder.renewalInfo);
    this.check = builder.check;
    this.events = new EventSink(builder.listener, builder.clock);
    this.clock = builder.clock;
  }

  /** A builder; the store and the renewal client and request are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * One pass: finishes an interrupted switch-over, then bootstraps, polls or renews if due.
   *
   * @throws IOException if the store cannot be read or written (nothing was sent after a failed
   *     write, so the next pass can go on from the store's state)
   * @throws IllegalStateException if there is no credential and no bootstrap client
   */
  public RenewalResult runOnce() throws IOException {
    return runBefore(clock.instant());
  }

  /**
   * One pass for a device that will not run again before {@code nextChance}: a firmware-coupled
   * device that reaches the CA only while it installs an update, or a sleeper that wakes rarely.
   * As {@link #runOnce()}, but the credential is renewed now when its renewal time falls before
   * {@code nextChance}, so that it is not left to expire before the device runs again.
   *
   * @throws IOException as {@link #runOnce()}
   * @throws IllegalStateException as {@link #runOnce()}
   */
  public RenewalResult runBefore(Instant nextChance) throws IOException {
    Objects.requireNonNull(nextChance, "nextChance");
    finishSwitchOver();
    Instant now = clock.instant();
    Optional<Credential> current = store.current();
    boolean bootstrap = current.isEmpty()
        || (bootstrapClient.isPresent() && expired(current.get(), now));
    if (bootstrap && bootstrapClient.isEmpty()) {
      throw new IllegalStateException("the store " + store + " holds no credential and the agent"
          + " has no bootstrap client to enroll one");
    }
    Optional<InFlightEnrollment> inFlight = store.inFlight();
    if (!bootstrap && inFlight.isEmpty()) {
      Instant renewAt = renewAt(current.get().certificate());
      if (now.isBefore(renewAt) && nextChance.isBefore(renewAt)) {
        return new RenewalResult.UpToDate(current.get(), renewAt);
      }
    }
    return enroll(bootstrap, bootstrap ? Optional.empty() : current, inFlight);
  }

  private RenewalResult enroll(
      boolean bootstrap, Optional<Credential> current, Optional<InFlightEnrollment> inFlight)
      throws IOException {
    EnrollmentClient client = bootstrap ? bootstrapClient.orElseThrow() : renewalClient;
    EnrollmentRequest template = bootstrap ? bootstrapRequest.orElseThrow() : renewalRequest;
    InFlightEnrollment enrollment = inFlight.isPresent()
        ? inFlight.get()
        : store.begin(keyAlgorithm(template)); // before the request leaves: a restart resends it
    EnrollmentKey.Existing key = enrollment.enrollmentKey();
    Optional<PendingEnrollment> pending = inFlight.flatMap(InFlightEnrollment::pending);
    EnrollmentOutcome outcome;
    try {
      if (pending.isPresent()) {
        if (clock.instant().isBefore(pending.get().retryAt())) {
          return new RenewalResult.Pending(pending.get()); // not to be asked before then
        }
        event(Type.POLLED, pending.get().protocol() + " transaction "
            + pending.get().transactionId());
        outcome = current.isPresent()
            ? retryPolicy.resume(client, pending.get(), current.get())
            : retryPolicy.resume(client, pending.get(), key);
      } else {
        event(bootstrap ? Type.BOOTSTRAP_STARTED : Type.RENEWAL_STARTED,
            current.map(c -> "renewing serial " + serial(c.certificate())).orElse("first enrollment")
                + (inFlight.isPresent() ? ", resent after a restart with the stored key" : ""));
        EnrollmentRequest request = template.withKey(key);
        outcome = current.isPresent()
            ? retryPolicy.renew(client, current.get(), request)
            : retryPolicy.enroll(client, request);
      }
    } catch (EnrollmentTransportException e) {
      event(Type.TRANSPORT_FAILURE, e.getMessage());
      return new RenewalResult.Failed(e, clock.instant().plus(retryInterval));
    }
    return settle(outcome, enrollment, bootstrap);
  }

  private RenewalResult settle(
      EnrollmentOutcome outcome, InFlightEnrollment enrollment, boolean bootstrap)
      throws IOException {
    if (outcome instanceof EnrollmentOutcome.Pending pending) {
      store.pending(pending.enrollment());
      event(Type.PENDING, "poll at " + pending.enrollment().retryAt());
      return new RenewalResult.Pending(pending.enrollment());
    }
    if (outcome instanceof EnrollmentOutcome.Rejected rejected) {
      store.abandon();
      event(Type.REJECTED, rejected.toString());
      return new RenewalResult.Rejected(
          rejected.code(), rejected.detail(), clock.instant().plus(retryInterval));
    }
    EnrollmentOutcome.Issued issued = (EnrollmentOutcome.Issued) outcome;
    if (!Arrays.equals(issued.certificate().getPublicKey().getEncoded(),
        enrollment.keyPair().getPublic().getEncoded())) {
      store.abandon();
      event(Type.REJECTED, "the CA returned a certificate for another key");
      return new RenewalResult.Rejected("wrong-key",
          "the CA returned a certificate for another key than the request's",
          clock.instant().plus(retryInterval));
    }
    Credential next = enrollment.credential(issued.chain());
    store.stage(next);
    event(Type.ISSUED, "serial " + serial(next.certificate()) + ", valid until "
        + next.certificate().getNotAfter().toInstant());
    store.activate();
    event(Type.ACTIVATED, "serial " + serial(next.certificate()));
    if (!confirmOrRollBack()) {
      return new RenewalResult.Rejected("check-failed", "the new credential (serial "
          + serial(next.certificate()) + ") failed its check; the previous one is back in use",
          clock.instant().plus(retryInterval));
    }
    return new RenewalResult.Issued(next, bootstrap, renewAt(next.certificate()));
  }

  /** Completes a switch-over a crash (or an unreachable check) left half done. */
  private void finishSwitchOver() throws IOException {
    Optional<Credential> staged = store.staged();
    if (staged.isPresent()) {
      store.activate();
      event(Type.ACTIVATED, "serial " + serial(staged.get().certificate())
          + ", staged before a restart");
    }
    if (store.previous().isPresent()) {
      confirmOrRollBack();
    }
  }

  /** Whether the current credential is kept (confirmed, or not checkable yet). */
  private boolean confirmOrRollBack() throws IOException {
    Credential current = store.current().orElseThrow();
    boolean accepted;
    try {
      accepted = check.accepted(current);
    } catch (IOException e) {
      LOG.warn("could not check the new credential (serial {}); keeping the previous one until"
          + " the next pass: {}", serial(current.certificate()), e.toString());
      return true;
    }
    if (accepted) {
      store.confirm();
      event(Type.CONFIRMED, "serial " + serial(current.certificate()));
    } else {
      store.rollback();
      event(Type.ROLLED_BACK, "serial " + serial(current.certificate()) + " was refused");
    }
    return accepted;
  }

  private Instant renewAt(X509Certificate certificate) throws IOException {
    if (renewalInfo.isPresent()) {
      try {
        Optional<RenewalWindow> suggested = renewalInfo.get().suggestedWindow(certificate);
        if (suggested.isPresent()) {
          return schedule.renewAt(certificate, suggested.get());
        }
      } catch (EnrollmentTransportException e) {
        LOG.info("no renewal information from the CA ({}); using the schedule", e.toString());
      }
    }
    return schedule.renewAt(certificate);
  }

  private boolean expired(Credential credential, Instant now) {
    return !now.isBefore(credential.certificate().getNotAfter().toInstant());
  }

  private static KeyAlgorithm keyAlgorithm(EnrollmentRequest template) {
    return ((EnrollmentKey.Generate) template.key()).algorithm();
  }

  private void event(Type type, String detail) {
    events.emit(type, detail);
  }

  private static String serial(X509Certificate certificate) {
    return certificate.getSerialNumber().toString(16);
  }

  /** Builds a {@link RenewalAgent}; {@link #build()} checks that it can work. */
  public static final class Builder {
    private CredentialStore store;
    private EnrollmentClient renewalClient;
    private EnrollmentRequest renewalRequest;
    private EnrollmentClient bootstrapClient;
    private EnrollmentRequest bootstrapRequest;
    private RenewalSchedule schedule = RenewalSchedule.defaults();
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private Duration retryInterval = Duration.ofHours(1);
    private RenewalInfoSource renewalInfo;
    private CredentialCheck check = credential -> true;
    private RenewalListener listener = event -> {};
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** Where the credential lives. Required. */
    public Builder store(CredentialStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * Renews with {@code client}, authenticated by the current credential, for {@code request}'s
     * subject and extensions. Required. The request's key must be {@link
     * EnrollmentKey.Generate}: the agent makes a new key of that algorithm per renewal.
     */
    public Builder renewal(EnrollmentClient client, EnrollmentRequest request) {
      this.renewalClient = Objects.requireNonNull(client, "client");
      this.renewalRequest = requireGeneratedKey(request, "renewal");
      return this;
    }

    /**
     * Enrolls the first credential (and a new one after the current one expired) with {@code
     * client}, e.g. SCEP with the factory's challenge password in {@code request}. The request's
     * key must be {@link EnrollmentKey.Generate}. Without it, the store must already hold a
     * credential.
     */
    public Builder bootstrap(EnrollmentClient client, EnrollmentRequest request) {
      this.bootstrapClient = Objects.requireNonNull(client, "client");
      this.bootstrapRequest = requireGeneratedKey(request, "bootstrap");
      return this;
    }

    /** When to renew; default {@link RenewalSchedule#defaults()}. */
    public Builder schedule(RenewalSchedule schedule) {
      this.schedule = Objects.requireNonNull(schedule, "schedule");
      return this;
    }

    /** Retries and polling within one pass; default {@link RetryPolicy#defaults()}. */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    /** How long after a failed or refused pass the next one is due; default one hour. */
    public Builder retryInterval(Duration retryInterval) {
      this.retryInterval = Durations.positive(retryInterval, "retryInterval");
      return this;
    }

    /** The CA's suggested renewal windows (RFC 9773), used instead of the schedule's. */
    public Builder renewalInfo(RenewalInfoSource renewalInfo) {
      this.renewalInfo = Objects.requireNonNull(renewalInfo, "renewalInfo");
      return this;
    }

    /**
     * Tries each new credential before the previous one is deleted; default: accepted as soon
     * as it is activated.
     */
    public Builder check(CredentialCheck check) {
      this.check = Objects.requireNonNull(check, "check");
      return this;
    }

    /** Receives the agent's events. */
    public Builder listener(RenewalListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** The agent's clock; default UTC system time. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** @throws IllegalArgumentException naming a missing required setting */
    public RenewalAgent build() {
      if (store == null) {
        throw new IllegalArgumentException("a renewal agent needs a store");
      }
      if (renewalClient == null) {
        throw new IllegalArgumentException("a renewal agent needs a renewal client and request");
      }
      return new RenewalAgent(this);
    }

    private static EnrollmentRequest requireGeneratedKey(EnrollmentRequest request, String use) {
      Objects.requireNonNull(request, "request");
      if (!(request.key() instanceof EnrollmentKey.Generate)) {
        throw new IllegalArgumentException("the " + use + " request's key must be"
            + " EnrollmentKey.Generate: the agent makes and stores a new key for each enrollment");
      }
      return request;
    }
  }
}
