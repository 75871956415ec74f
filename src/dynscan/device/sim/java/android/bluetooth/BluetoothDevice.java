package android.bluetooth;

import android.app.ActivityThread;

/** A remote Bluetooth device. */
public final class BluetoothDevice {
    private final String address;
    private final String name;

    BluetoothDevice(String address, String name) {
        this.address = address;
        this.name = name;
    }

    public String getAddress() { return address; }

    public String getName() {
        ActivityThread.enforce("android.permission.BLUETOOTH_CONNECT", "getName");
        return name;
    }

    @Override public String toString() { return address; }
}
