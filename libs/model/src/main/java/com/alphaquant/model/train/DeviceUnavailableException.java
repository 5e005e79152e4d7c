package com.alphaquant.model.train;

/** A device was asked for that this machine or engine build does not have (a GPU on a CPU machine). */
public final class DeviceUnavailableException extends RuntimeException {

    public DeviceUnavailableException(String message) {
        super(message);
    }
}
