package dynscan.sim;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The parts of AndroidManifest.xml the runtime needs. */
public final class Manifest {
    public final String packageName;
    public final String versionName;
    public final String applicationClass;
    public final String label;
    public final String launcherActivity;
    public final List<String> permissions = new ArrayList<>();
    public final List<String> activities = new ArrayList<>();
    public final List<String> services = new ArrayList<>();
    /** Service class -> the process it runs in (android:process: ":push" is PACKAGE:push), when not the app's. */
    public final java.util.Map<String, String> serviceProcess = new java.util.HashMap<>();
    /** Manifest receivers (class names): a broadcast sent to one explicitly starts it. */
    public final List<String> receivers = new ArrayList<>();
    /** The authorities of the app's own content providers. */
    public final List<String> authorities = new ArrayList<>();

    public Manifest(File file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setExpandEntityReferences(false);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = f.newDocumentBuilder().parse(file);
        Element root = doc.getDocumentElement();
        packageName = root.getAttribute("package");
        versionName = emptyToNull(root.getAttribute("android:versionName"));
        NodeList perms = root.getElementsByTagName("uses-permission");
        for (int i = 0; i < perms.getLength(); i++) {
            permissions.add(((Element) perms.item(i)).getAttribute("android:name"));
        }
        NodeList apps = root.getElementsByTagName("application");
        Element app = apps.getLength() > 0 ? (Element) apps.item(0) : null;
        applicationClass = app == null ? null : resolve(emptyToNull(app.getAttribute("android:name")));
        String lbl = app == null ? null : emptyToNull(app.getAttribute("android:label"));
        label = lbl != null ? lbl : packageName.substring(packageName.lastIndexOf('.') + 1);
        String launcher = null;
        NodeList acts = root.getElementsByTagName("activity");
        for (int i = 0; i < acts.getLength(); i++) {
            Element a = (Element) acts.item(i);
            String name = resolve(a.getAttribute("android:name"));
            activities.add(name);
            if (launcher == null && hasLauncherFilter(a)) launcher = name;
        }
        launcherActivity = launcher;
        NodeList svcs = root.getElementsByTagName("service");
        for (int i = 0; i < svcs.getLength(); i++) {
            Element s = (Element) svcs.item(i);
            String name = resolve(s.getAttribute("android:name"));
            services.add(name);
            String proc = emptyToNull(s.getAttribute("android:process"));
            if (proc != null) serviceProcess.put(name, proc.startsWith(":") ? packageName + proc : proc);
        }
        NodeList recvs = root.getElementsByTagName("receiver");
        for (int i = 0; i < recvs.getLength(); i++) receivers.add(resolve(((Element) recvs.item(i)).getAttribute("android:name")));
        NodeList provs = root.getElementsByTagName("provider");
        for (int i = 0; i < provs.getLength(); i++) {
            for (String a : ((Element) provs.item(i)).getAttribute("android:authorities").split(";")) {
                if (!a.trim().isEmpty()) authorities.add(a.trim());
            }
        }
    }

    private static boolean hasLauncherFilter(Element activity) {
        NodeList filters = activity.getElementsByTagName("intent-filter");
        for (int i = 0; i < filters.getLength(); i++) {
            Element f = (Element) filters.item(i);
            if (has(f, "action", "android.intent.action.MAIN")
                    && has(f, "category", "android.intent.category.LAUNCHER")) return true;
        }
        return false;
    }

    private static boolean has(Element parent, String tag, String name) {
        NodeList l = parent.getElementsByTagName(tag);
        for (int i = 0; i < l.getLength(); i++) {
            if (name.equals(((Element) l.item(i)).getAttribute("android:name"))) return true;
        }
        return false;
    }

    public String resolve(String name) {
        if (name == null) return null;
        if (name.startsWith(".")) return packageName + name;
        if (!name.contains(".")) return packageName + "." + name;
        return name;
    }

    private static String emptyToNull(String s) { return s == null || s.isEmpty() ? null : s; }
}
