// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.lifecycle;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.Signer;

/**
 * A device that cannot reach the CA, as its hub sees it over the local link (Thread, BLE, a
 * serial line): {@link HubRenewal} renews its certificate on its behalf. The child's keys never
 * leave it; the hub only asks it to sign its certificate request and hands it the result.
 *
 * <p>The child keeps one pending key across restarts (its own and the hub's) until the hub
 * installs a certificate for it or discards it, so that a request the hub resends is for the same
 * key.
 */
public interface ChildDevice {

  /**
   * The child's name at the hub: 1 to 64 letters, digits, '.', '_' or '-' (the hub keeps its
   * pending enrollments under it).
   */
  String id();

  /** The child's current certificate: its subject is the one renewed, its validity the schedule's. */
  X509Certificate certificate() throws IOException;

  /**
   * The child's pending key, made on the first call and the same on every later one until {@link
   * #install} or {@link #discard}: a signer whose every signature the child makes over the link.
   *
   * @throws IOException if the child cannot be reached or cannot make such a key
   */
  Signer pendingKey(KeyAlgorithm algorithm) throws IOException;

  /**
   * The CA issued {@code chain} (the certificate of the pending key first): the child makes it its
   * credential with the pending key, durably, before this returns.
   *
   * @throws IOException if the child cannot be reached or did not install it (the hub keeps the
   *     chain and installs it again on its next pass)
   */
  void install(List<X509Certificate> chain) throws IOException;

  /**
   * The CA refused the request: the child forgets its pending key.
   *
   * @throws IOException if the child cannot be reached
   */
  void discard() throws IOException;
}
