// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.enroll;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.Objects;
import java.util.Optional;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.Signer;

/** Where the key of a new certificate comes from. */
public sealed interface EnrollmentKey
    permits EnrollmentKey.Existing, EnrollmentKey.Generate, EnrollmentKey.ServerGenerated {

  /**
   * A key the caller holds (in software, an HSM or a secure element); it signs the request.
   *
   * @param signer signs with the key
   * @param privateKey the key itself (a software key or a token handle), for protocols that also
   *     decrypt with it (SCEP encrypts the issued certificate to the requester); empty when the
   *     caller only has a signer
   */
  record Existing(Signer signer, Optional<PrivateKey> privateKey) implements EnrollmentKey {
    public Existing {
      Objects.requireNonNull(signer, "signer");
      Objects.requireNonNull(privateKey, "privateKey");
    }

    /** A key known only by its signer. */
    public Existing(Signer signer) {
      this(signer, Optional.empty());
    }

    /** A key pair: signs with its default algorithm and can decrypt. */
    public static Existing of(KeyPair keyPair) {
      return new Existing(Signer.of(keyPair), Optional.of(keyPair.getPrivate()));
    }
  }

  /**
   * A new software key generated on this side for the enrollment, returned in {@link
   * EnrollmentOutcome.Issued#generatedKey()}.
   */
  record Generate(KeyAlgorithm algorithm) implements EnrollmentKey {
    public Generate {
      Objects.requireNonNull(algorithm, "algorithm");
    }
  }

  /**
   * A key the server generates and returns with the certificate (EST {@code /serverkeygen}, CMP
   * central key generation), for devices that cannot make good keys. The client signs its request
   * with a throw-away key of the same type, as RFC 7030 section 4.4.1 allows.
   */
  record ServerGenerated(KeyAlgorithm algorithm) implements EnrollmentKey {
    public ServerGenerated {
      Objects.requireNonNull(algorithm, "algorithm");
    }
  }
}
