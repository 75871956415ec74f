package android.bluetooth;

/** Entry point to Bluetooth (Context.BLUETOOTH_SERVICE). */
public final class BluetoothManager {
    public BluetoothManager() {}

    public BluetoothAdapter getAdapter() { return BluetoothAdapter.getDefaultAdapter(); }
}
