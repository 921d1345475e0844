package io.iotj.parse;

/** The kinds of token in template text. */
enum TokenType {
    /** A run of letters, digits, '_' and '.', or a number such as {@code -1.5e-3}. */
    WORD("a name"),
    /** A double-quoted string, kept with its quotes. */
    STRING("a quoted string"),
    LPAREN("'('"), RPAREN("')'"), LBRACE("'{'"), RBRACE("'}'"), LBRACKET("'['"), RBRACKET("']'"),
    COMMA("','"), SEMI("';'"), EQUALS("'='"), COLON("':'"), STAR("'*'"), ARROW("'->'"),
    EOF("the end of the text");

    final String description;

    TokenType(String description) {
        this.description = description;
    }
}
