// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Provider;
import java.security.ProviderException;
import java.security.Security;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PKCS#11 token (an HSM, a smart card, SoftHSM2) reached through the JDK's SunPKCS11 provider,
 * configured at run time: the module (library), the token by slot id, slot list index or label,
 * and where its user PIN comes from.
 *
 * <pre>{@code
 * Pkcs11Token token = Pkcs11Token.builder()
 *     .library(Path.of("/usr/lib/softhsm/libsofthsm2.so"))
 *     .tokenLabel("factory-ca")
 *     .pin(PinSource.environment("HSM_PIN"))
 *     .build();
 * TokenKeys keys = token.open();
 * TokenKey pai = keys.generate("pai-2026", KeyAlgorithm.EC_P256);
 * }</pre>
 *
 * <p>Each {@link #open()} configures a new SunPKCS11 provider instance; it is never added to the
 * JVM's provider list. Keys generated through it are token objects that are private, sensitive
 * and not extractable: their bytes never leave the token.
 */
public final class Pkcs11Token {
  private static final Logger LOG = LoggerFactory.getLogger(Pkcs11Token.class);
  private static final AtomicInteger PROVIDERS = new AtomicInteger();

  // Private keys the provider generates: on the token, usable only after login, never exported.
  // Public keys stay session objects; the token keeps a certificate for each key instead.
  private static final String GENERATION_TEMPLATE = String.join("\n",
      "attributes(generate, CKO_PRIVATE_KEY, *) = {",
      "  CKA_TOKEN = true",
      "  CKA_PRIVATE = true",
      "  CKA_SENSITIVE = true",
      "  CKA_EXTRACTABLE = false",
      "  CKA_SIGN = true",
      "}",
      "attributes(generate, CKO_PUBLIC_KEY, *) = {",
      "  CKA_TOKEN = false",
      "}");

  private final Path library;
  private final OptionalLong slot;
  private final OptionalInt slotListIndex;
  private final Optional<String> tokenLabel;
  private final PinSource pin;

  private Pkcs11Token(Builder builder) {
    this.library = builder.library;
    this.slot = builder.slot;
    this.slotListIndex = builder.slotListIndex;
    this.tokenLabel = builder.tokenLabel;
    this.pin = builder.pin;
  }

  /** A builder; the library, one way to choose the token, and the PIN source are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The PKCS#11 module (shared library). */
  public Path library() {
    return library;
  }

  /** The token's label, when it was chosen by label. */
  public Optional<String> tokenLabel() {
    return tokenLabel;
  }

  /**
   * Logs in to the token with a new SunPKCS11 provider instance.
   *
   * <p>PKCS#11 login state belongs to the process, not to a provider: while one {@link TokenKeys}
   * of this token is logged in, SunPKCS11 sees the token as logged in and does not check the PIN
   * of a later {@code open()} in the same JVM.
   *
   * @throws GeneralSecurityException if the module cannot be loaded, the slot has no usable token
   *     or the login fails (a wrong PIN)
   * @throws IllegalArgumentException if no token has the label
   * @throws IllegalStateException if the PIN is not available, or a token label cannot be looked
   *     up (see {@link #builder()}'s {@code tokenLabel})
   */
  public TokenKeys open() throws GeneralSecurityException {
    long slotId = slot.isPresent() || slotListIndex.isPresent() ? -1
        : TokenSlots.slotOf(library, tokenLabel.orElseThrow());
    String selection = slot.isPresent() ? "slot=" + slot.getAsLong()
        : slotListIndex.isPresent() ? "slotListIndex=" + slotListIndex.getAsInt()
        : "slot=" + slotId;
    String name = "iotpki-" + PROVIDERS.incrementAndGet();
    Provider provider;
    try {
      provider = Security.getProvider("SunPKCS11").configure(String.join("\n",
          "--name=" + name,
          "library=" + library,
          selection,
          GENERATION_TEMPLATE));
    } catch (ProviderException | java.security.InvalidParameterException e) {
      throw new GeneralSecurityException(
          "cannot open the PKCS#11 token (" + selection + ") of " + library + ": " + e.getMessage(), e);
    }
    KeyStore store = KeyStore.getInstance("PKCS11", provider);
    char[] secret = pin.pin();
    try {
      store.load(null, secret);
    } catch (IOException e) {
      throw new GeneralSecurityException(
          "cannot log in to the PKCS#11 token (" + selection + ") of " + library + ": "
              + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
    } finally {
      Arrays.fill(secret, '\0');
    }
    LOG.debug("logged in to PKCS#11 token ({}) of {} as provider {}", selection, library, provider.getName());
    return new TokenKeys(provider, store);
  }

  @Override
  public String toString() {
    // Never the PIN.
    return "Pkcs11Token[" + library + ", "
        + (slot.isPresent() ? "slot " + slot.getAsLong()
            : slotListIndex.isPresent() ? "slot list index " + slotListIndex.getAsInt()
            : "token '" + tokenLabel.orElseThrow() + "'")
        + "]";
  }

  /** Builds a {@link Pkcs11Token}; {@link #build()} checks it. */
  public static final class Builder {
    private Path library;
    private OptionalLong slot = OptionalLong.empty();
    private OptionalInt slotListIndex = OptionalInt.empty();
    private Optional<String> tokenLabel = Optional.empty();
    private PinSource pin;

    private Builder() {}

    /** The PKCS#11 module, such as {@code /usr/lib/softhsm/libsofthsm2.so}. Required. */
    public Builder library(Path library) {
      this.library = Objects.requireNonNull(library, "library");
      return this;
    }

    /** The token in the slot with this PKCS#11 slot id. */
    public Builder slot(long slotId) {
      this.slot = OptionalLong.of(slotId);
      return this;
    }

    /** The token in the {@code index}th slot of the module's list of slots with a token. */
    public Builder slotListIndex(int index) {
      if (index < 0) {
        throw new IllegalArgumentException("slot list index must not be negative, was " + index);
      }
      this.slotListIndex = OptionalInt.of(index);
      return this;
    }

    /**
     * The token with this label (CKA_LABEL of the token, RFC 7512's {@code token}). Finding it
     * needs the JDK's PKCS#11 wrapper exported to iotpki: {@code --add-exports
     * jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=org.iotpki.core} (or {@code =ALL-UNNAMED}
     * on the class path), because SunPKCS11 itself selects slots only.
     */
    public Builder tokenLabel(String label) {
      Objects.requireNonNull(label, "label");
      if (label.isEmpty() || label.getBytes(StandardCharsets.UTF_8).length > 32) {
        throw new IllegalArgumentException("a token label has 1 to 32 bytes, was '" + label + "'");
      }
      this.tokenLabel = Optional.of(label);
      return this;
    }

    /** Where the user PIN comes from. Required. */
    public Builder pin(PinSource pin) {
      this.pin = Objects.requireNonNull(pin, "pin");
      return this;
    }

    /**
     * The token.
     *
     * @throws IllegalArgumentException if the library or PIN source is missing, the library is
     *     not a file, or not exactly one of slot, slot list index and token label is set
     */
    public Pkcs11Token build() {
      if (library == null) {
        throw new IllegalArgumentException("library is required (the PKCS#11 module)");
      }
      if (!Files.isRegularFile(library)) {
        throw new IllegalArgumentException("PKCS#11 module " + library + " is not a file");
      }
      if (pin == null) {
        throw new IllegalArgumentException("pin is required (a PinSource)");
      }
      int selections = (slot.isPresent() ? 1 : 0) + (slotListIndex.isPresent() ? 1 : 0)
          + (tokenLabel.isPresent() ? 1 : 0);
      if (selections != 1) {
        throw new IllegalArgumentException(
            "name the token exactly one way: slot, slotListIndex or tokenLabel");
      }
      return new Pkcs11Token(this);
    }
  }
}
