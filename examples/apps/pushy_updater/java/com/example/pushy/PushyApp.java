package com.example.pushy;

import android.app.Application;

public class PushyApp extends Application {}
