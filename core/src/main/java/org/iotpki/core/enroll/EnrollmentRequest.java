// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.enroll;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.iotpki.core.cert.CertificateExtension;
import org.iotpki.core.cert.CsrBuilder;
import org.iotpki.core.cert.GeneralName;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.Signer;

/**
 * What to ask a CA for, whatever the protocol: the subject, names and extensions of the
 * certificate, where its key comes from, and the secrets that authorize the request.
 *
 * <pre>{@code
 * EnrollmentRequest request = EnrollmentRequest.builder()
 *     .subject("CN=gateway-0042")
 *     .generateKey(KeyAlgorithm.EC_P256)
 *     .httpCredentials("factory", password)
 *     .build();
 * }</pre>
 *
 * <p>Instances are immutable; secrets are copied in and out and never printed.
 */
public final class EnrollmentRequest {
  private final X500Principal subject;
  private final List<GeneralName> subjectAltNames;
  private final EnrollmentKey key;
  private final List<CertificateExtension> extensions;
  private final char[] challengePassword;
  private final String username;
  private final char[] password;

  private EnrollmentRequest(Builder builder) {
    this.subject = builder.subject;
    this.subjectAltNames = List.copyOf(builder.subjectAltNames);
    this.key = builder.key;
    this.extensions = List.copyOf(builder.extensions);
    this.challengePassword = builder.challengePassword;
    this.username = builder.username;
    this.password = builder.password;
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The subject to request. */
  public X500Principal subject() {
    return subject;
  }

  /** The subjectAltName entries to request. */
  public List<GeneralName> subjectAltNames() {
    return subjectAltNames;
  }

  /** Where the certificate's key comes from. */
  public EnrollmentKey key() {
    return key;
  }

  /** Extensions to request, beyond subjectAltName. */
  public List<CertificateExtension> extensions() {
    return extensions;
  }

  /** The PKCS#9 challengePassword to put in the request (SCEP, some EST servers). */
  public Optional<char[]> challengePassword() {
    return Optional.ofNullable(challengePassword).map(char[]::clone);
  }

  /** The user name for HTTP authentication (EST basic auth). */
  public Optional<String> username() {
    return Optional.ofNullable(username);
  }

  /** The password for HTTP authentication. */
  public Optional<char[]> password() {
    return Optional.ofNullable(password).map(char[]::clone);
  }

  /**
   * A CSR builder with this request's subject, names, extensions and challengePassword, for a
   * protocol client to complete (with attributes its server asks for) and sign.
   */
  public CsrBuilder csrBuilder() {
    CsrBuilder builder = CsrBuilder.create().subject(subject);
    builder.subjectAltNames(subjectAltNames.toArray(GeneralName[]::new));
    extensions.forEach(builder::extension);
    if (challengePassword != null) {
      builder.challengePassword(challengePassword);
    }
    return builder;
  }

  /** This request with another key source, keeping everything else. */
  public EnrollmentRequest withKey(EnrollmentKey newKey) {
    Builder builder = toBuilder();
    builder.key = Objects.requireNonNull(newKey, "newKey");
    return builder.build();
  }

  /** A builder holding this request's values. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.subject = subject;
    builder.subjectAltNames.addAll(subjectAltNames);
    builder.key = key;
    builder.extensions.addAll(extensions);
    builder.challengePassword = challengePassword;
    builder.username = username;
    builder.password = password;
    return builder;
  }

  @Override
  public String toString() {
    return "EnrollmentRequest[" + subject.getName() + ", " + key
        + (username != null ? ", user " + username : "")
        + (challengePassword != null ? ", challengePassword" : "") + "]";
  }

  /** Builds an {@link EnrollmentRequest}. */
  public static final class Builder {
    private X500Principal subject;
    private final List<GeneralName> subjectAltNames = new ArrayList<>();
    private EnrollmentKey key;
    private final List<CertificateExtension> extensions = new ArrayList<>();
    private char[] challengePassword;
    private String username;
    private char[] password;

    private Builder() {}

    /** The subject to request. Required. */
    public Builder subject(X500Principal subject) {
      this.subject = Objects.requireNonNull(subject, "subject");
      return this;
    }

    /** The subject as an RFC 2253 string. */
    public Builder subject(String rfc2253) {
      return subject(new X500Principal(Objects.requireNonNull(rfc2253, "subject")));
    }

    /** subjectAltName entries to request. */
    public Builder subjectAltNames(GeneralName... names) {
      for (GeneralName name : names) {
        subjectAltNames.add(Objects.requireNonNull(name, "name"));
      }
      return this;
    }

    /** Requests an extension. */
    public Builder extension(CertificateExtension extension) {
      extensions.add(Objects.requireNonNull(extension, "extension"));
      return this;
    }

    /** Certifies a key the caller holds; the signer signs the request. */
    public Builder key(Signer signer) {
      return key(new EnrollmentKey.Existing(signer));
    }

    /** Certifies a key pair the caller holds (signing and, where the protocol needs it, decrypting). */
    public Builder key(java.security.KeyPair keyPair) {
      return key(EnrollmentKey.Existing.of(keyPair));
    }

    /** Generates a new key of this type on this side for the certificate. */
    public Builder generateKey(KeyAlgorithm algorithm) {
      return key(new EnrollmentKey.Generate(algorithm));
    }

    /** Where the key comes from. Required. */
    public Builder key(EnrollmentKey key) {
      this.key = Objects.requireNonNull(key, "key");
      return this;
    }

    /** A PKCS#9 challengePassword for the request. */
    public Builder challengePassword(char[] challengePassword) {
      Objects.requireNonNull(challengePassword, "challengePassword");
      if (challengePassword.length == 0) {
        throw new IllegalArgumentException("empty challengePassword");
      }
      this.challengePassword = challengePassword.clone();
      return this;
    }

    /** A user name and password for HTTP authentication of the request. */
    public Builder httpCredentials(String username, char[] password) {
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(password, "password");
      if (username.isEmpty() || username.indexOf(':') >= 0) {
        throw new IllegalArgumentException(
            "an HTTP user name must be non-empty and without ':' (RFC 7617)");
      }
      this.username = username;
      this.password = password.clone();
      return this;
    }

    /**
     * The request.
     *
     * @throws IllegalArgumentException without a subject or key
     */
    public EnrollmentRequest build() {
      if (subject == null) {
        throw new IllegalArgumentException("an enrollment request needs a subject");
      }
      if (key == null) {
        throw new IllegalArgumentException(
            "an enrollment request needs a key: key(signer), generateKey(algorithm) or"
                + " key(new EnrollmentKey.ServerGenerated(algorithm))");
      }
      return new EnrollmentRequest(this);
    }
  }
}
