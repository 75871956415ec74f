package com.android.id.impl;

import android.content.Context;
import dynscan.sim.Sim;

/**
 * MIUI's framework identifier provider (what OAID SDKs call on Xiaomi phones by reflection).
 * The virtual device answers as a Xiaomi phone would: OAID from the identity, VAID/AAID per app.
 */
public class IdProviderImpl {
    public IdProviderImpl() {}

    public String getUDID(Context context) { return null; }

    public String getOAID(Context context) { return Sim.prop("identity.oaid", null); }

    public String getVAID(Context context) { return Sim.prop("identity.vaid", null); }

    public String getAAID(Context context) { return Sim.prop("identity.aaid", null); }
}
