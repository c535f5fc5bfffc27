// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.fleet;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.iotpki.core.internal.Durations;

/**
 * A fleet to simulate: how many devices, when they were provisioned, how long their certificates
 * live, how they reach the CA, and what the CA can take.
 *
 * <pre>{@code
 * FleetSpec fleet = FleetSpec.builder()
 *     .devices(1_000_000)
 *     .provisioning(Provisioning.batches(Duration.ofDays(365), 52))
 *     .certificateLifetime(Duration.ofDays(365))
 *     .profile(ConnectivityProfile.alwaysOn(), 50)
 *     .profile(ConnectivityProfile.dailyWake(), 40)
 *     .profile(ConnectivityProfile.weeklyWake().withAttemptFailureProbability(0.1), 10)
 *     .caCapacity(50)
 *     .build();
 * }</pre>
 */
public final class FleetSpec {
  /** The most devices a simulation takes (event keys name a device or a herd of devices in 26 bits). */
  public static final int MAX_DEVICES = 1 << 24;
  /** The most distinct connectivity profiles in one fleet. */
  public static final int MAX_PROFILES = 64;

  private final int devices;
  private final Provisioning provisioning;
  private final Duration certificateLifetime;
  private final Duration horizon;
  private final Map<ConnectivityProfile, Double> profiles;
  private final int caCapacity;
  private final Duration caRetryAfter;
  private final long seed;

  private FleetSpec(Builder builder, Map<ConnectivityProfile, Double> shares) {
    this.devices = builder.devices;
    this.provisioning = builder.provisioning;
    this.certificateLifetime = builder.certificateLifetime;
    this.horizon = builder.horizon != null ? builder.horizon : builder.certificateLifetime.multipliedBy(3);
    this.profiles = shares;
    this.caCapacity = builder.caCapacity;
    this.caRetryAfter = builder.caRetryAfter;
    this.seed = builder.seed;
  }

  /** A builder; devices, provisioning, certificate lifetime, at least one profile and the CA capacity are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** How many devices. */
  public int devices() {
    return devices;
  }

  /** When the devices got their first certificate. */
  public Provisioning provisioning() {
    return provisioning;
  }

  /** The lifetime (notAfter - notBefore) of every certificate, first and renewed. */
  public Duration certificateLifetime() {
    return certificateLifetime;
  }

  /** How long to simulate from the start of provisioning (default three certificate lifetimes). */
  public Duration horizon() {
    return horizon;
  }

  /** Each profile with its share of the devices; the shares add up to 1. */
  public Map<ConnectivityProfile, Double> profiles() {
    return profiles;
  }

  /** The requests per second the CA serves; above that, in the same second, it refuses (HTTP 503). */
  public int caCapacity() {
    return caCapacity;
  }

  /** The Retry-After the CA sends with a refusal (default 60 seconds). */
  public Duration caRetryAfter() {
    return caRetryAfter;
  }

  /** The seed of every random choice: same seed, same fleet, same report (default 0). */
  public long seed() {
    return seed;
  }

  /** Configures a {@link FleetSpec}. */
  public static final class Builder {
    private int devices;
    private Provisioning provisioning;
    private Duration certificateLifetime;
    private Duration horizon;
    private final Map<ConnectivityProfile, Double> weights = new LinkedHashMap<>();
    private int caCapacity;
    private Duration caRetryAfter = Duration.ofSeconds(60);
    private long seed;

    private Builder() {}

    /** How many devices, 1 to {@link #MAX_DEVICES}. */
    public Builder devices(int devices) {
      this.devices = devices;
      return this;
    }

    /** When the devices got their first certificate. */
    public Builder provisioning(Provisioning provisioning) {
      this.provisioning = Objects.requireNonNull(provisioning, "provisioning");
      return this;
    }

    /** The lifetime of every certificate, at least an hour. */
    public Builder certificateLifetime(Duration lifetime) {
      this.certificateLifetime = Objects.requireNonNull(lifetime, "certificate lifetime");
      return this;
    }

    /** How long to simulate; longer than the provisioning window. */
    public Builder horizon(Duration horizon) {
      this.horizon = Objects.requireNonNull(horizon, "horizon");
      return this;
    }

    /**
     * Adds a profile with a relative weight: {@code profile(a, 50).profile(b, 50)} gives each half
     * of the devices.
     */
    public Builder profile(ConnectivityProfile profile, double weight) {
      Objects.requireNonNull(profile, "profile");
      if (!(weight > 0 && Double.isFinite(weight))) {
        throw new IllegalArgumentException("profile weight must be positive: " + weight);
      }
      if (weights.putIfAbsent(profile, weight) != null) {
        throw new IllegalArgumentException("profile given twice: " + profile.name());
      }
      return this;
    }

    /** The requests per second the CA serves, at least 1. */
    public Builder caCapacity(int requestsPerSecond) {
      this.caCapacity = requestsPerSecond;
      return this;
    }

    /** The Retry-After of the CA's refusals, whole seconds. */
    public Builder caRetryAfter(Duration retryAfter) {
      this.caRetryAfter = Durations.positiveSeconds(retryAfter, "CA Retry-After");
      return this;
    }

    /** The seed of every random choice. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * The spec.
     *
     * @throws IllegalArgumentException naming the missing or unusable field
     */
    public FleetSpec build() {
      if (devices < 1 || devices > MAX_DEVICES) {
        throw new IllegalArgumentException("devices must be between 1 and " + MAX_DEVICES + ": " + devices);
      }
      if (provisioning == null) {
        throw new IllegalArgumentException("provisioning is required");
      }
      if (certificateLifetime == null) {
        throw new IllegalArgumentException("certificate lifetime is required");
      }
      if (certificateLifetime.compareTo(Duration.ofHours(1)) < 0) {
        throw new IllegalArgumentException("certificate lifetime must be at least an hour: " + certificateLifetime);
      }
      Duration simulated = horizon != null ? horizon : certificateLifetime.multipliedBy(3);
      if (simulated.compareTo(provisioning.window()) <= 0) {
        throw new IllegalArgumentException(
            "horizon " + simulated + " must be longer than the provisioning window " + provisioning.window());
      }
      // Simulated times are int seconds: the last certificate issued may end a lifetime past the horizon.
      if (simulated.plus(certificateLifetime).getSeconds() >= Integer.MAX_VALUE) {
        throw new IllegalArgumentException("horizon plus certificate lifetime must be under 68 years");
      }
      if (weights.isEmpty()) {
        throw new IllegalArgumentException("at least one connectivity profile is required");
      }
      if (weights.size() > MAX_PROFILES) {
        throw new IllegalArgumentException("at most " + MAX_PROFILES + " profiles: " + weights.size());
      }
      if (caCapacity < 1) {
        throw new IllegalArgumentException("CA capacity must be at least 1 request per second: " + caCapacity);
      }
      double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
      Map<ConnectivityProfile, Double> shares = new LinkedHashMap<>();
      weights.forEach((profile, weight) -> shares.put(profile, weight / total));
      return new FleetSpec(this, Collections.unmodifiableMap(shares));
    }
  }
}
