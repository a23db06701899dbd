package dev.ascent.common;
