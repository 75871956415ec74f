package android.bluetooth;

import android.app.ActivityThread;
import dynscan.sim.Sim;
import java.util.LinkedHashSet;
import java.util.Set;

/** The local Bluetooth adapter; Android 12+ needs BLUETOOTH_CONNECT / BLUETOOTH_SCAN. */
public final class BluetoothAdapter {
    private static final BluetoothAdapter ADAPTER = new BluetoothAdapter();
    private static final String CONNECT = "android.permission.BLUETOOTH_CONNECT";

    private BluetoothAdapter() {}

    @Deprecated
    public static BluetoothAdapter getDefaultAdapter() { return ADAPTER; }

    public boolean isEnabled() { return true; }

    /** The adapter's MAC: apps without the LOCAL_MAC_ADDRESS privilege get 02:00:00:00:00:00. */
    public String getAddress() {
        ActivityThread.enforce(CONNECT, "getAddress");
        return ActivityThread.granted("android.permission.LOCAL_MAC_ADDRESS")
                ? Sim.prop("identity.bt_mac", "02:00:00:00:00:00") : "02:00:00:00:00:00";
    }

    public String getName() {
        ActivityThread.enforce(CONNECT, "getName");
        return Sim.prop("identity.device_name", "Li Wei's Galaxy S21");
    }

    public Set<BluetoothDevice> getBondedDevices() {
        ActivityThread.enforce(CONNECT, "getBondedDevices");
        Set<BluetoothDevice> s = new LinkedHashSet<>();
        s.add(new BluetoothDevice("00:1a:7d:da:71:13", "Li Wei's AirPods"));
        return s;
    }

    public boolean startDiscovery() {
        ActivityThread.enforce("android.permission.BLUETOOTH_SCAN", "startDiscovery");
        return true;
    }

    public BluetoothDevice getRemoteDevice(String address) { return new BluetoothDevice(address, null); }
}
