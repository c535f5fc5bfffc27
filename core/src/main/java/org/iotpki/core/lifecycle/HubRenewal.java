// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.lifecycle;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.Signer;
import org.iotpki.core.enroll.EnrollmentClient;
import org.iotpki.core.enroll.EnrollmentKey;
import org.iotpki.core.enroll.EnrollmentOutcome;
import org.iotpki.core.enroll.EnrollmentRequest;
import org.iotpki.core.enroll.EnrollmentTransportException;
import org.iotpki.core.enroll.PendingEnrollment;
import org.iotpki.core.enroll.RetryPolicy;
import org.iotpki.core.internal.Durations;
import org.iotpki.core.lifecycle.RenewalEvent.Type;

/**
 * Hub-mediated renewal: a hub (a border router, a gateway) renews the certificates of child
 * devices that cannot reach the CA, through its own enrollment client. The hub authenticates to
 * the CA as itself (an EST client certificate, a CMP shared secret or signature: the CA must
 * accept the hub as a registration authority for its children); each request carries the child's
 * subject and is signed by the child's new key over the local link ({@link ChildDevice}), so the
 * proof of possession is the child's and its keys never leave it.
 *
 * <pre>{@code
 * HubRenewal hub = HubRenewal.builder()
 *     .client(cmpClientWithTheHubsSecret, EnrollmentRequest.builder().subject("CN=template")
 *         .generateKey(KeyAlgorithm.EC_P256).build())
 *     .ledger(Path.of("/var/lib/hub/children"))
 *     .build();
 * Map<String, ChildRenewalResult> pass = hub.renewAll(children);
 * }</pre>
 *
 * <p>Nothing is lost across a crash of the hub: the CA's pending answer is recorded before the
 * pass goes on, and an issued chain is recorded before the child is asked to install it (a child
 * out of reach gets it on a later pass, without a second enrollment). One process at a time uses a
 * ledger directory.
 */
public final class HubRenewal {
  private final EnrollmentClient client;
  private final EnrollmentRequest template;
  private final HubLedger ledger;
  private final RenewalSchedule schedule;
  private final RetryPolicy retryPolicy;
  private final Duration retryInterval;
  private final EventSink events;
  private final Clock clock;

  private HubRenewal(Builder builder, HubLedger ledger) {
    this.client = builder.client;
    this.template = builder.template;
    this.ledger = ledger;
    this.schedule = builder.schedule;
    this.retryPolicy = builder.retryPolicy;
    this.retryInterval = builder.retryInterval;
    this.events = new EventSink(builder.listener, builder.clock);
    this.clock = builder.clock;
  }

  /** A builder; the client and request and the ledger are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * One pass over {@code children}: each is renewed, polled or handed its issued chain as due.
   * A child that fails does not stop the others.
   *
   * @return each child's result, by id, in the order given
   * @throws IOException if the ledger cannot be read or written
   */
  public Map<String, ChildRenewalResult> renewAll(Collection<? extends ChildDevice> children)
      throws IOException {
    Map<String, ChildRenewalResult> results = new LinkedHashMap<>();
    for (ChildDevice child : children) {
      results.put(child.id(), renew(child));
    }
    return results;
  }

  /**
   * One pass for one child: installs a chain issued earlier, polls a pending enrollment at its
   * time, or renews the child's certificate when the schedule says.
   *
   * @throws IOException if the ledger cannot be read or written (the child's link failing is a
   *     {@link ChildRenewalResult.Failed})
   * @throws IllegalArgumentException if the child's id is not a valid one
   */
  public ChildRenewalResult renew(ChildDevice child) throws IOException {
    String id = HubLedger.requireId(child.id());
    try {
      Optional<List<X509Certificate>> issued = ledger.issued(id);
      if (issued.isPresent()) {
        return install(child, id, issued.get());
      }
      Optional<PendingEnrollment> pending = ledger.pending(id);
      Instant now = clock.instant();
      EnrollmentOutcome outcome;
      LinkCall<Signer> childKey; // the child's pending key: asked over the link at most once
      if (pending.isPresent()) {
        if (now.isBefore(pending.get().retryAt())) {
          return new ChildRenewalResult.Pending(pending.get());
        }
        events.emit(Type.POLLED, "child " + id + ": " + pending.get().protocol() + " transaction "
            + pending.get().transactionId());
        outcome = retryPolicy.resume(client, pending.get());
        childKey = () -> child.pendingKey(keyAlgorithm());
      } else {
        X509Certificate current = linked(id, child::certificate);
        Instant renewAt = schedule.renewAt(current);
        if (now.isBefore(renewAt)) {
          return new ChildRenewalResult.UpToDate(renewAt);
        }
        Signer signer = linked(id, () -> child.pendingKey(keyAlgorithm()));
        events.emit(Type.RENEWAL_STARTED, "child " + id + ": renewing serial " + serial(current));
        outcome = retryPolicy.enroll(client, template.toBuilder()
            .subject(current.getSubjectX500Principal())
            .key(new EnrollmentKey.Existing(signer)).build());
        childKey = () -> signer;
      }
      return settle(child, id, outcome, childKey);
    } catch (EnrollmentTransportException e) {
      events.emit(Type.TRANSPORT_FAILURE, "child " + id + ": " + e.getMessage());
      return new ChildRenewalResult.Failed(e, clock.instant().plus(retryInterval));
    } catch (ChildUnreachable e) {
      return new ChildRenewalResult.Failed(e.cause, clock.instant().plus(retryInterval));
    }
  }

  private ChildRenewalResult settle(ChildDevice child, String id, EnrollmentOutcome outcome,
      LinkCall<Signer> childKey) throws IOException, ChildUnreachable {
    if (outcome instanceof EnrollmentOutcome.Pending pending) {
      ledger.recordPending(id, pending.enrollment());
      events.emit(Type.PENDING, "child " + id + ": poll at " + pending.enrollment().retryAt());
      return new ChildRenewalResult.Pending(pending.enrollment());
    }
    String code;
    String detail;
    if (outcome instanceof EnrollmentOutcome.Rejected rejected) {
      code = rejected.code();
      detail = rejected.detail();
    } else {
      List<X509Certificate> chain = ((EnrollmentOutcome.Issued) outcome).chain();
      byte[] childPublicKey = linked(id, childKey).publicKey().getEncoded();
      if (Arrays.equals(chain.get(0).getPublicKey().getEncoded(), childPublicKey)) {
        ledger.recordIssued(id, chain); // before the child is asked: a chain is never issued twice
        events.emit(Type.ISSUED, "child " + id + ": serial " + serial(chain.get(0)));
        return install(child, id, chain);
      }
      code = "wrong-key";
      detail = "the CA returned a certificate for another key than the child's";
    }
    ledger.clear(id);
    linked(id, () -> {
      child.discard();
      return null;
    });
    events.emit(Type.REJECTED, "child " + id + ": " + code + " " + detail);
    return new ChildRenewalResult.Rejected(code, detail, clock.instant().plus(retryInterval));
  }

  private ChildRenewalResult install(ChildDevice child, String id, List<X509Certificate> chain)
      throws IOException, ChildUnreachable {
    linked(id, () -> {
      child.install(chain);
      return null;
    });
    ledger.clear(id);
    events.emit(Type.ACTIVATED, "child " + id + ": serial " + serial(chain.get(0)) + " installed");
    return new ChildRenewalResult.Installed(chain, schedule.renewAt(chain.get(0)));
  }

  private KeyAlgorithm keyAlgorithm() {
    return ((EnrollmentKey.Generate) template.key()).algorithm();
  }

  private static String serial(X509Certificate certificate) {
    return certificate.getSerialNumber().toString(16);
  }

  /** A call over the child's link. */
  @FunctionalInterface
  private interface LinkCall<T> {
    T call() throws IOException;
  }

  private <T> T linked(String id, LinkCall<T> call) throws ChildUnreachable {
    try {
      return call.call();
    } catch (IOException e) {
      events.emit(Type.TRANSPORT_FAILURE, "child " + id + ": its link failed: " + e.getMessage());
      throw new ChildUnreachable(e);
    }
  }

  /** The child's link failed: distinct from the ledger's own IOExceptions. */
  private static final class ChildUnreachable extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient IOException cause;

    ChildUnreachable(IOException cause) {
      super(cause);
      this.cause = cause;
    }
  }

  /** Builds a {@link HubRenewal}; {@link #build()} checks that it can work. */
  public static final class Builder {
    private EnrollmentClient client;
    private EnrollmentRequest template;
    private Path ledger;
    private RenewalSchedule schedule = RenewalSchedule.defaults();
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private Duration retryInterval = Duration.ofHours(1);
    private RenewalListener listener = event -> {};
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Enrolls with {@code client}, authenticated as the hub, using {@code request} for everything
     * but the subject (the child's) and the key (the child's new one, of the algorithm {@code
     * request} names: it must be {@link EnrollmentKey.Generate}). Required.
     */
    public Builder client(EnrollmentClient client, EnrollmentRequest request) {
      this.client = Objects.requireNonNull(client, "client");
      Objects.requireNonNull(request, "request");
      if (!(request.key() instanceof EnrollmentKey.Generate)) {
        throw new IllegalArgumentException("the request's key must be EnrollmentKey.Generate:"
            + " it names the algorithm of the key each child makes");
      }
      this.template = request;
      return this;
    }

    /** The directory where the hub keeps its children's pending enrollments. Required. */
    public Builder ledger(Path directory) {
      this.ledger = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /** When to renew a child; default {@link RenewalSchedule#defaults()}. */
    public Builder schedule(RenewalSchedule schedule) {
      this.schedule = Objects.requireNonNull(schedule, "schedule");
      return this;
    }

    /** Retries and polling within one pass; default {@link RetryPolicy#defaults()}. */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    /** How long after a failed or refused pass a child is due again; default one hour. */
    public Builder retryInterval(Duration retryInterval) {
      this.retryInterval = Durations.positive(retryInterval, "retryInterval");
      return this;
    }

    /** Receives the hub's events (their detail names the child). */
    public Builder listener(RenewalListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** The hub's clock; default UTC system time. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * @throws IllegalArgumentException naming a missing required setting
     * @throws IOException if the ledger directory cannot be created
     */
    public HubRenewal build() throws IOException {
      if (client == null) {
        throw new IllegalArgumentException("a hub needs a client and request");
      }
      if (ledger == null) {
        throw new IllegalArgumentException("a hub needs a ledger directory");
      }
      return new HubRenewal(this, new HubLedger(ledger));
    }
  }
}
