package org.tcc.contracts.events.feed;

/** Missile class as estimated by a sensor; HGV = hypersonic glide vehicle, SLV = space launch vehicle. */
public enum MissileClass {
    SRBM, MRBM, IRBM, ICBM, SLBM, HGV, SLV, UNKNOWN
}
