package android.location;

import android.content.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Forward and reverse geocoding; the virtual device answers for its own location only. */
public final class Geocoder {
    private final Locale locale;

    public Geocoder(Context context) { this(context, Locale.getDefault()); }

    public Geocoder(Context context, Locale locale) { this.locale = locale; }

    public static boolean isPresent() { return true; }

    private Address here(double latitude, double longitude) {
        Address a = new Address(locale);
        a.setAddressLine(0, "People's Square, Huangpu, Shanghai");
        a.setLocality("Shanghai");
        a.setCountryCode("CN");
        a.setLatitude(latitude);
        a.setLongitude(longitude);
        return a;
    }

    @Deprecated
    public List<Address> getFromLocation(double latitude, double longitude, int maxResults) throws java.io.IOException {
        if (latitude < -90 || latitude > 90) throw new IllegalArgumentException("latitude == " + latitude);
        List<Address> l = new ArrayList<>();
        if (maxResults > 0) l.add(here(latitude, longitude));
        return l;
    }

    @Deprecated
    public List<Address> getFromLocationName(String locationName, int maxResults) throws java.io.IOException {
        if (locationName == null) throw new IllegalArgumentException("locationName == null");
        Location l = LocationManager.current("network");
        List<Address> out = new ArrayList<>();
        if (maxResults > 0) out.add(here(l.getLatitude(), l.getLongitude()));
        return out;
    }
}
