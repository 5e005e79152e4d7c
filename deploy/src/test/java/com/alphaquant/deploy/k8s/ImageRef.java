package com.alphaquant.deploy.k8s;

import java.util.Map;

/** An image reference, name[:tag][@digest], as Kustomize's images transformer reads it. */
record ImageRef(String name, String tag, String digest) {

    static ImageRef parse(String image) {
        String digest = null;
        int at = image.indexOf('@');
        if (at >= 0) {
            digest = image.substring(at + 1);
            image = image.substring(0, at);
        }
        int colon = image.lastIndexOf(':');
        // A colon before the last slash belongs to a registry's port, not a tag.
        if (colon > image.lastIndexOf('/')) {
            return new ImageRef(image.substring(0, colon), image.substring(colon + 1), digest);
        }
        return new ImageRef(image, null, digest);
    }

    /** The image after an images entry (name, newName, newTag, digest), or null when the entry names another image. */
    String transform(Map<String, Object> entry) {
        if (!name.equals(entry.get("name"))) {
            return null;
        }
        String newName = entry.get("newName") == null ? name : String.valueOf(entry.get("newName"));
        if (entry.get("digest") != null) {
            return newName + "@" + entry.get("digest");
        }
        String newTag = entry.get("newTag") == null ? tag : String.valueOf(entry.get("newTag"));
        return newName + (newTag == null ? "" : ":" + newTag) + (digest == null || entry.get("newTag") != null ? "" : "@" + digest);
    }

    @Override
    public String toString() {
        return name + (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
    }
}
