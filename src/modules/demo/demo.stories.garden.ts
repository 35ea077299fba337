// Jardin & Maison: products that break (watering, mowing, pools, lights, plants), in the
// words of the people who bought them. Product names are fictional.
import type { Story } from './demo.story.ts';

const robot = ['m:robot tondeuse Robocut 600', 'm:robot tondeuse Robocut 1000'];

export const gardenBreakdownStories: Story[] = [
  {
    key: 'watering-timer-flood',
    brand: 'garden',
    reason: 'breakdown',
    weight: 9,
    season: 'summer',
    bought: 'any',
    paths: { exchange: 3, repair: 1 },
    products: ['m:programmateur d’arrosage Hydrotime T-20', 'm:programmateur d’arrosage Hydrotime T-30 Duo', 'm:minuteur d’arrosage Aquaflux Select', 'm:programmateur d’arrosage solaire Aquaflux Sun'],
    productsEn: ['Hydrotime T-20 water timer', 'Hydrotime T-30 Duo water timer', 'Aquaflux Select tap timer', 'Aquaflux Sun solar water timer'],
    tags: ['arrosage', 'étanchéité'],
    amount: [39, 89],
    fr: {
      messages: [
        {
          subjects: ['Programmateur d’arrosage rempli d’eau', 'Deuxième programmateur noyé, même modèle'],
          text: 'Bonjour,\n\nJ’ai acheté {un_produit} {chez} {quand}. Il y a quelques jours j’ai découvert que le boîtier s’était rempli d’eau au niveau des composants électroniques : il est complètement mort. Je n’ai plus la facture, mais c’est la deuxième fois que ça m’arrive avec le même modèle. Je commence à penser que l’étanchéité n’a jamais été vérifiée à la conception.\n\nQue pouvez-vous faire ?\n{prenom}',
        },
        {
          subjects: ['Mon programmateur a inondé le jardin', 'Programmateur bloqué en position ouverte'],
          text: 'Bonjour, {mon_produit} ne s’est pas arrêté cette nuit et la pelouse a été inondée jusqu’au matin. En l’ouvrant j’ai trouvé de l’eau dans le compartiment des piles. Achat fait {chez} {quand}. Je voudrais un échange ou un remboursement, et savoir si ce modèle a un défaut connu.',
        },
        {
          subjects: ['Programmateur d’arrosage HS au bout d’une saison', 'Écran du programmateur embué, plus rien ne s’affiche'],
          text: 'Bonjour,\n{le_produit} pris {chez} ne fonctionne plus : l’écran est embué à l’intérieur et plus rien ne s’affiche. Il n’a servi qu’une saison et il a été installé exactement comme indiqué dans la notice. Merci de me dire comment procéder.',
        },
      ],
      short: [
        { subjects: ['Deuxième programmateur noyé'], text: '2e programmateur d’arrosage acheté chez @JardinMaison qui meurt noyé au bout de quelques mois… #fail', public: true },
        { subjects: ['Programmateur qui a inondé le jardin'], text: 'Votre {produit} a inondé mon jardin cette nuit. Merci pour la facture d’eau 👏', public: true },
        { subjects: ['Programmateur d’arrosage plein d’eau'], text: 'Bonjour, mon programmateur d’arrosage est plein d’eau et ne marche plus, il a à peine 6 mois. Vous pouvez m’aider ?' },
      ],
    },
    en: {
      messages: [
        {
          subjects: ['Watering timer full of water', 'Water timer flooded the garden'],
          text: 'Hello,\n\nI bought {un_produit} {chez} {quand}. Water got inside the electronics and it no longer works. It is the second one of this model that fails the same way. I no longer have the receipt. What can you do?\n\nThanks, {prenom}',
        },
      ],
      short: [{ subjects: ['Second water timer dead'], text: 'Second water timer from @JardinMaison dead after a few months, full of water. Not impressed.', public: true }],
    },
  },
  {
    key: 'mower-wont-start',
    brand: 'garden',
    reason: 'breakdown',
    weight: 8,
    season: 'spring',
    bought: 'any',
    paths: { repair: 2, exchange: 2 },
    products: ['f:tondeuse thermique Tondeo 46 SP', 'f:tondeuse thermique tractée Tondeo 51 VS', 'f:tondeuse sans fil Tondeo 40V'],
    productsEn: ['Tondeo 46 SP petrol mower', 'Tondeo 51 VS self-propelled mower', 'Tondeo 40V cordless mower'],
    tags: ['tondeuse', 'motoculture'],
    amount: [60, 180],
    fr: {
      messages: [
        {
          subjects: ['Tondeuse qui ne démarre plus', 'Tondeuse en panne sous garantie'],
          text: 'Bonjour,\n\n{Mon_produit} ne démarre plus. Achat fait {chez} {quand}. J’ai vérifié le carburant ou la batterie, la bougie et le filtre comme conseillé dans la notice : rien à faire. C’est sous garantie. Où dois-je l’apporter ?',
        },
        {
          subjects: ['Tondeuse neuve : moteur qui cale', 'Tondeuse en panne après trois utilisations'],
          text: 'Bonjour, {le_produit} cale au bout de deux minutes dès que l’herbe est un peu haute. Trois utilisations seulement depuis l’achat. Je suis assez déçu pour un produit de ce prix. Merci de me proposer une solution rapide, la pelouse n’attend pas.',
        },
        {
          subjects: ['Robot tondeuse bloqué en erreur', 'Robot de tonte qui ne quitte plus sa base'],
          text: 'Bonjour,\n{le_produit} affiche un code erreur E12 et reste bloqué sur sa base depuis lundi. Nous avons fait la réinitialisation décrite sur votre site, sans succès. Pouvez-vous organiser une prise en charge ?',
          products: robot,
        },
      ],
      short: [
        { subjects: ['Tondeuse en panne au bout d’un mois'], text: 'Tondeuse achetée il y a un mois, déjà en panne. Elle ne démarre plus. Je fais comment ?' },
        { subjects: ['Robot tondeuse en erreur'], text: 'Mon robot tondeuse est en erreur depuis 3 jours, la pelouse ressemble à une prairie 😩', products: robot, public: true },
      ],
    },
    en: {
      messages: [
        {
          subjects: ['Lawn mower will not start'],
          text: 'Hello, {mon_produit}, bought {chez} {quand}, will not start any more. I checked the fuel or battery, the spark plug and the filter. It is still under warranty: where should I bring it?',
        },
      ],
    },
  },
  {
    key: 'pool-pump',
    brand: 'garden',
    reason: 'breakdown',
    weight: 3,
    season: 'summer',
    bought: 'any',
    paths: { repair: 1, exchange: 1 },
    products: ['f:pompe de filtration Aquavive 0,5 CV', 'f:pompe de bassin Aquavive 3000', 'm:groupe de filtration à sable Aquavive 6 m³'],
    tags: ['piscine', 'pompe'],
    amount: [80, 260],
    fr: {
      messages: [
        {
          subjects: ['Pompe de filtration très bruyante', 'Filtration qui fait sauter le disjoncteur'],
          text: 'Bonjour,\n{le_produit} fait un bruit de roulement épouvantable depuis une semaine et fait sauter le disjoncteur. Achat fait {chez} {quand}. En pleine chaleur, l’eau de la piscine verdit à vue d’œil. Merci de nous dire vite comment faire.',
        },
        {
          subjects: ['Pompe qui ne débite plus', 'Filtration en panne en pleine canicule'],
          text: 'Bonjour, {le_produit} ne débite presque plus rien alors que le préfiltre est propre, et le moteur chauffe beaucoup. Est-ce couvert par la garantie ? Achat {chez} {quand}.',
        },
      ],
    },
  },
  {
    key: 'power-tool',
    brand: 'garden',
    reason: 'breakdown',
    weight: 3,
    bought: 'any',
    paths: { repair: 2, exchange: 2 },
    products: ['m:nettoyeur haute pression Pressix 140 bar', 'm:nettoyeur haute pression Pressix 160 bar', 'm:taille-haie électrique Verdissimo 60 cm', 'm:souffleur sans fil Verdissimo 36V'],
    productsEn: ['Pressix 140 bar pressure washer', 'Pressix 160 bar pressure washer', 'Verdissimo 60 cm hedge trimmer', 'Verdissimo 36V cordless blower'],
    tags: ['outillage'],
    amount: [49, 199],
    fr: {
      messages: [
        {
          subjects: ['Nettoyeur haute pression qui perd sa pression', 'Appareil qui s’arrête tout seul'],
          text: 'Bonjour, {mon_produit} se met en marche puis s’arrête au bout de quelques secondes, et la pression est très faible. Achat fait {chez} {quand}, j’ai gardé le ticket. Que dois-je faire ?',
          products: ['m:nettoyeur haute pression Pressix 140 bar', 'm:nettoyeur haute pression Pressix 160 bar'],
        },
        {
          subjects: ['Outil électrique en panne sous garantie', 'Plus aucun signe de vie'],
          text: 'Bonjour,\n{le_produit} ne fonctionne plus du tout depuis ce week-end : aucun bruit quand j’appuie sur la gâchette. Il a moins d’un an. Merci de m’indiquer la marche à suivre pour la garantie.',
        },
      ],
    },
    en: {
      messages: [{ subjects: ['Tool stopped working under warranty'], text: 'Hello, {mon_produit} stopped working this weekend: nothing happens when I press the trigger. Bought {chez} {quand}, I kept the receipt. How do I use the warranty?' }],
    },
  },
  {
    key: 'awning-stuck',
    brand: 'garden',
    reason: 'breakdown',
    weight: 2,
    season: 'summer',
    bought: 'store',
    paths: { repair: 3 },
    products: ['m:store banne motorisé Solembra 4 × 3 m', 'f:pergola bioclimatique Solembra 3 × 4 m'],
    tags: ['store-banne', 'pose'],
    amount: [120, 450],
    priority: 'high',
    fr: {
      messages: [
        {
          subjects: ['Store banne bloqué à moitié ouvert', 'Urgent : store bloqué, orage annoncé'],
          text: 'Bonjour,\n{le_produit}, posé par votre installateur {quand}, est bloqué à mi-course, la télécommande ne répond plus. On annonce de l’orage ce soir et impossible de le refermer. Pouvez-vous envoyer quelqu’un en urgence ?',
          products: ['m:store banne motorisé Solembra 4 × 3 m'],
        },
        {
          subjects: ['Moteur de pergola en panne', 'Lames de pergola bloquées'],
          text: 'Bonjour, les lames de notre {produit} ne pivotent plus depuis une coupure de courant. Nous avons fait le reset indiqué, sans effet. Merci de prévoir une intervention.',
          products: ['f:pergola bioclimatique Solembra 3 × 4 m'],
        },
      ],
    },
  },
  {
    key: 'winter-lights-stove',
    brand: 'garden',
    reason: 'breakdown',
    weight: 4,
    season: 'winter',
    bought: 'any',
    paths: { exchange: 2, repair: 1, refund: 1 },
    products: ['f:guirlande lumineuse extérieure 20 m', 'm:rideau lumineux LED 3 × 2 m', 'm:poêle à granulés Flamoria 8 kW', 'm:chauffage de terrasse à gaz Flamoria'],
    tags: ['saisonnier'],
    amount: [25, 890],
    fr: {
      messages: [
        {
          subjects: ['Guirlande extérieure qui ne s’allume plus', 'Produit défectueux acheté pour les fêtes'],
          text: 'Bonjour,\n{le_produit}, achat fait {chez} {quand}, ne s’allume plus qu’à moitié après deux nuits de pluie, alors que c’est vendu pour l’extérieur. Je souhaite un échange avant les fêtes.',
          products: ['f:guirlande lumineuse extérieure 20 m', 'm:rideau lumineux LED 3 × 2 m'],
        },
        {
          subjects: ['Poêle à granulés qui se met en sécurité', 'Chauffage en panne, maison froide'],
          text: 'Bonjour, {le_produit} s’éteint tout seul au bout d’une heure avec un message d’erreur de température. Il fait 15 °C dans la maison le matin… Le technicien de la marque ne peut venir que dans trois semaines. Que pouvez-vous faire ?',
          products: ['m:poêle à granulés Flamoria 8 kW'],
        },
      ],
      short: [
        { subjects: ['Guirlande grillée à la première pluie'], text: 'Guirlande extérieure qui grille à la première pluie, sympa pour Noël 🎄', products: ['f:guirlande lumineuse extérieure 20 m'], public: true },
        { subjects: ['Poêle à granulés en sécurité tous les soirs'], text: 'Bonjour, mon poêle à granulés acheté chez vous se met en sécurité tous les soirs, vous pouvez m’aider ?', products: ['m:poêle à granulés Flamoria 8 kW'] },
      ],
    },
  },
  {
    key: 'plant-died',
    brand: 'garden',
    reason: 'return',
    weight: 4,
    season: 'spring',
    bought: 'store',
    paths: { exchange: 3, refund: 1 },
    products: ['m:olivier en pot de 1,50 m', 'm:érable du Japon', 'm:citronnier en pot'],
    tags: ['végétal', 'garantie-reprise'],
    amount: [29, 149],
    fr: {
      messages: [
        {
          subjects: ['Arbre acheté il y a trois semaines qui dépérit', 'Garantie reprise des végétaux'],
          text: 'Bonjour,\nj’ai acheté {un_produit} {chez} {quand}. Malgré un arrosage régulier comme conseillé par le vendeur, les feuilles tombent et les branches sèchent. Votre garantie reprise s’applique-t-elle ? J’ai le ticket et des photos.',
        },
        {
          subjects: ['Plants qui n’ont pas repris', 'Haie plantée il y a un mois : la moitié est morte'],
          text: 'Bonjour, sur {le_produit}, la moitié des plants n’a pas repris. Plantation le week-end de l’achat, avec du terreau acheté chez vous. Est-il possible de les remplacer ?',
          products: ['f:haie de photinias (10 plants)', 'm:lot de 5 rosiers buissons'],
        },
      ],
    },
  },
];
