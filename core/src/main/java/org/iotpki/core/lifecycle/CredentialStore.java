// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.lifecycle;

import java.io.IOException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.Optional;
import org.iotpki.core.cert.Credential;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.KeyPairs;
import org.iotpki.core.enroll.PendingEnrollment;

/**
 * Where a device keeps its identity across renewals: the current credential, a staged next one,
 * the previous one until the new one is confirmed, and the enrollment in flight.
 *
 * <p>Every change is atomic and durable: after a power cut at any instant the store holds the
 * state before the change or the state after it, never a mix, and never no usable credential
 * where there was one. The renewal sequence is:
 *
 * <ol>
 *   <li>{@link #begin(KeyAlgorithm)}: make and persist the new key before any request is sent
 *       with it, so that a
 *       restart resends the same request (SCEP derives its transaction id from the key) rather
 *       than starting a second enrollment;
 *   <li>{@link #pending} if the CA answered "pending", with the state to poll it;
 *   <li>{@link #stage} the issued credential, then {@link #activate} it: the previous credential
 *       is kept;
 *   <li>{@link #confirm} once the new credential has been used successfully (the previous one is
 *       deleted), or {@link #rollback} to the previous one if it does not work.
 * </ol>
 *
 * <p>{@link FileCredentialStore} keeps everything in a directory, or the keys in a PKCS#11 token
 * and the rest in a directory ({@link FileCredentialStore#openWithTokenKeys}). A store for another
 * secure element implements this interface over it.
 */
public interface CredentialStore extends AutoCloseable {

  /** The credential in use, empty before the first enrollment. */
  Optional<Credential> current() throws IOException;

  /** The issued credential waiting for {@link #activate()}. */
  Optional<Credential> staged() throws IOException;

  /** The credential replaced by the last {@link #activate()}, until {@link #confirm()}. */
  Optional<Credential> previous() throws IOException;

  /** The enrollment begun and not finished: its key, and the CA's pending state if any. */
  Optional<InFlightEnrollment> inFlight() throws IOException;

  /**
   * Makes a new key where this store keeps keys and persists it as the key of an enrollment
   * about to be sent. The default makes a software key and passes it to {@link
   * #begin(PrivateKey)}; a store over a token makes it in the token.
   *
   * @return the enrollment begun, with the new key
   * @throws IllegalStateException if an enrollment is already in flight (finish or {@link
   *     #abandon()} it first)
   */
  default InFlightEnrollment begin(KeyAlgorithm algorithm) throws IOException {
    KeyPair keyPair = KeyPairs.generate(algorithm);
    begin(keyPair.getPrivate());
    return inFlight().orElseThrow(() -> new IOException(this + " lost the key it was given"));
  }

  /**
   * Persists a key made elsewhere as the key of an enrollment about to be sent.
   *
   * @throws IllegalStateException if an enrollment is already in flight (finish or {@link
   *     #abandon()} it first)
   * @throws IllegalArgumentException if this store cannot keep such a key (a store over a token
   *     keeps only keys it made there)
   */
  void begin(PrivateKey key) throws IOException;

  /**
   * Records the CA's pending answer to the enrollment in flight.
   *
   * @throws IllegalStateException if no enrollment is in flight
   */
  void pending(PendingEnrollment pending) throws IOException;

  /** Forgets the enrollment in flight (the CA refused it, or it is to be restarted). */
  void abandon() throws IOException;

  /**
   * Stores an issued credential as the staged one, replacing any staged before, and ends the
   * enrollment in flight.
   */
  void stage(Credential next) throws IOException;

  /**
   * Makes the staged credential the current one; the current one becomes the previous one.
   *
   * @throws IllegalStateException if nothing is staged
   */
  void activate() throws IOException;

  /** The current credential works: deletes the previous one. Does nothing without one. */
  void confirm() throws IOException;

  /**
   * The current credential does not work: the previous one becomes current again and the failed
   * one is deleted.
   *
   * @throws IllegalStateException if there is no previous credential
   */
  void rollback() throws IOException;

  /** Releases the store (and its lock, for stores that take one). */
  @Override
  void close() throws IOException;
}
