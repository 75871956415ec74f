package android.location;

import java.util.Locale;

/** A postal address for a point (what the geocoder returns). */
public class Address {
    private final Locale locale;
    private String line0;
    private String locality;
    private String countryCode;
    private double latitude;
    private double longitude;

    public Address(Locale locale) { this.locale = locale; }

    public String getAddressLine(int index) { return index == 0 ? line0 : null; }
    public void setAddressLine(int index, String line) { if (index == 0) line0 = line; }
    public String getLocality() { return locality; }
    public void setLocality(String locality) { this.locality = locality; }
    public String getCountryCode() { return countryCode; }
    public void setCountryCode(String countryCode) { this.countryCode = countryCode; }
    public double getLatitude() { return latitude; }
    public void setLatitude(double latitude) { this.latitude = latitude; }
    public double getLongitude() { return longitude; }
    public void setLongitude(double longitude) { this.longitude = longitude; }
    public Locale getLocale() { return locale; }

    @Override public String toString() { return "Address[addressLines=[0:\"" + line0 + "\"],locality=" + locality + "]"; }
}
