package org.tcc.contracts.events.alert;

/** Region of the event. */
public enum Region {
    KOREAN_PENINSULA, SEA_OF_JAPAN, EAST_CHINA_SEA, TAIWAN_STRAIT, SOUTH_CHINA_SEA, OTHER
}
