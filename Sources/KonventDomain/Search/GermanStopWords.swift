/// Words too common to search by: articles, pronouns, prepositions, conjunctions and auxiliaries.
public enum GermanStopWords {
    public static let all: [String] = """
        aber alle allem allen aller alles als also am an ander andere anderem anderen anderer anderes auch auf aus \
        bei beim bin bis bist bzw ca da dabei damit dann dar das dass dein deine deinem deinen deiner dem den denn der \
        deren des dessen dich die dies diese diesem diesen dieser dieses dir doch dort du durch ein eine einem einen \
        einer eines einige einigen einmal er es etwa etwas euch euer eure für gegen gibt gewesen hab habe haben hat \
        hatte hatten hier hin hinter ich ihm ihn ihnen ihr ihre ihrem ihren ihrer im immer in indem ins ist ja jede \
        jedem jeden jeder jedes jene jetzt kann kaum kein keine keinem keinen keiner können könnte man mehr mein meine \
        mich mir mit muss müssen nach nicht nichts noch nun nur ob oder ohne schon sehr sein seine seinem seinen seiner \
        sich sie sind so soll sollen sollte sondern sowie über um und uns unser unsere unserem unseren unter viel viele \
        vom von vor war waren was weil welche welchem welchen welcher welches wenn wer werde werden wegen wie wieder \
        will wir wird wo wollen wollte würde würden zu zum zur zwar zwischen
        """.split(separator: " ").map(String.init)
}
