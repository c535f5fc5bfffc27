// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.internal;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/** The trust managers of a TLS client: explicit anchors, or the JDK's default CAs. */
public final class TlsTrust {
  private TlsTrust() {}

  /**
   * Trusts servers whose certificate chains to one of {@code anchors}, and no others.
   *
   * @throws IllegalArgumentException for an empty list
   */
  public static TrustManager[] anchors(List<X509Certificate> anchors) {
    if (anchors.isEmpty()) {
      throw new IllegalArgumentException("no trust anchors");
    }
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      for (int i = 0; i < anchors.size(); i++) {
        store.setCertificateEntry("anchor-" + i, Objects.requireNonNull(anchors.get(i)));
      }
      TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
      factory.init(store);
      return factory.getTrustManagers();
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("the JDK cannot make a trust store", e);
    }
  }

  /** Trusts the JDK's default CA certificates. */
  public static TrustManager[] system() {
    try {
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init((KeyStore) null);
      return factory.getTrustManagers();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no default trust store", e);
    }
  }
}
